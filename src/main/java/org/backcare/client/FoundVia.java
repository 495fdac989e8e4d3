package org.backcare.client;

/** How a client found the clinic. */
public enum FoundVia {

	FRIEND, DOCTOR_OR_PHYSIO, SEARCH, OTHER

}
