package org.backcare.therapist;

/**
 * How a therapist describes their gender; clients may prefer one, matching treats it as a
 * preference.
 */
public enum Gender {

	WOMAN, MAN, NONBINARY, UNDISCLOSED

}
