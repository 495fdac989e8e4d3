package org.backcare.assessment;

/**
 * Each instrument's copyright and licence note, as shown with the questionnaire and in
 * docs/clinical.md.
 */
public final class Licences {

	public static final String START_BACK = "Keele STarT Back Screening Tool © Keele University 2007. Free for clinical and "
			+ "research use without changes to the wording; use in commercial products requires a licence from Keele "
			+ "University (keele.ac.uk/startback).";

	public static final String OSWESTRY = "Oswestry Disability Index v2.1a © Jeremy Fairbank. Licensed through Mapi Research "
			+ "Trust (eprovide.mapi-trust.org); clinics must hold the right to use it, and commercial use needs a licence.";

	public static final String NPRS = "Numeric Pain Rating Scale: in the public domain, no licence needed.";

	private Licences() {
	}

}
