package org.backcare.assessment;

/**
 * Whom the client would feel comfortable with; matching uses it as a preference, never a
 * filter.
 */
public enum GenderPreference {

	NO_PREFERENCE, WOMAN, MAN

}
