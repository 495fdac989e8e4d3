package org.backcare.therapist;

/** Massage techniques a therapist can be certified in and a client can ask for. */
public enum Technique {

	SWEDISH("Swedish massage"),

	DEEP_TISSUE("Deep tissue massage"),

	TRIGGER_POINT("Trigger point therapy"),

	MYOFASCIAL_RELEASE("Myofascial release");

	private final String displayName;

	Technique(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return this.displayName;
	}

}
