package org.backcare.assessment;

/** The massage pressure the client prefers. */
public enum Pressure {

	LIGHT, MEDIUM, FIRM, NOT_SURE

}
