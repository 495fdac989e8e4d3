package org.backcare.account;

import java.util.List;

/**
 * The consent texts a client agrees to at registration. A change of wording gets a new
 * version, so every stored consent says exactly which text was shown.
 */
public final class ConsentTexts {

	public static final Text TREATMENT = new Text("TREATMENT", "2026-11-v1",
			"I agree to massage treatment for my back by a licensed therapist of this clinic. I will tell my therapist "
					+ "about health changes, and I can stop a session at any time.");

	public static final Text DATA_PROCESSING = new Text("DATA_PROCESSING", "2026-11-v1",
			"I agree that this clinic stores my contact details, appointments and the health information I give, "
					+ "to plan and deliver my care. Only the people who treat me and the clinic's front desk see it; "
					+ "every read is recorded. I can download or erase my data at any time.");

	private ConsentTexts() {
	}

	public static List<Text> all() {
		return List.of(TREATMENT, DATA_PROCESSING);
	}

	public record Text(String kind, String version, String text) {
	}

}
