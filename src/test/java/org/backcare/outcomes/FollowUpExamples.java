package org.backcare.outcomes;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A follow-up's answers for tests: as the API takes them, and as the page's form. */
public final class FollowUpExamples {

	/** Pain 3, STarT Back 2 (low), Oswestry 9 of 45. */
	public static final String BODY = """
			{"painNow": 3,
			 "startBack": {"agree": [true, false, false, true, false, false, false, false], "bothersomeness": "SLIGHTLY"},
			 "oswestry": {"sections": [1, 1, 1, 1, 1, 1, 1, null, 1, 1]}}""";

	/** The same answers as the follow-up page's fields. */
	public static MultiValueMap<String, String> form() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("painNow", "3");
		for (int item = 1; item <= 8; item++) {
			form.add("startBack" + item, String.valueOf(item == 1 || item == 4));
		}
		form.add("startBack9", "SLIGHTLY");
		for (int section = 1; section <= 10; section++) {
			form.add("odi" + section, (section == 8) ? "" : "1");
		}
		return form;
	}

	private FollowUpExamples() {
	}

}
