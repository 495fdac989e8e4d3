package org.backcare.assessment;

/**
 * Something the screens found: a red flag or a contraindication, with what the client is
 * told, what the therapist needs to know, and the published source of the rule.
 */
public record Finding(String code, Severity severity, String forClient, String forTherapist, String source) {

	public enum Severity {

		/** Possible cauda equina syndrome: an emergency. */
		URGENT_REFERRAL,

		/** A doctor should rule out a serious cause before massage. */
		REFERRAL,

		/** Massage is possible with precautions the therapist must see first. */
		CAUTION

	}

}
