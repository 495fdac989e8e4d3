package org.backcare.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backcare.assessment.Oswestry;
import org.backcare.assessment.StartBack;

import org.springframework.util.MultiValueMap;

/**
 * The follow-up page's fields read into answers, or, for each question answered wrongly
 * or not at all, what to fix (keyed by the field, in the page's order): {@code painNow},
 * {@code startBack1}…{@code startBack9}, {@code odi1}…{@code odi10}.
 */
record FollowUpForm(FollowUpAnswers answers, Map<String, String> errors) {

	static FollowUpForm read(MultiValueMap<String, String> fields) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer pain = number(fields.getFirst("painNow"), 0, 10);
		if (pain == null) {
			errors.put("painNow", "Choose your pain now, from 0 (none) to 10 (worst imaginable).");
		}
		List<Boolean> agree = new ArrayList<>();
		for (int item = 1; item <= 8; item++) {
			String given = fields.getFirst("startBack" + item);
			if (!"true".equals(given) && !"false".equals(given)) {
				errors.put("startBack" + item, "Agree or disagree with this statement.");
			}
			agree.add("true".equals(given));
		}
		StartBack.Bothersomeness bothersome = null;
		for (StartBack.Bothersomeness option : StartBack.Bothersomeness.values()) {
			if (option.name().equals(fields.getFirst("startBack9"))) {
				bothersome = option;
			}
		}
		if (bothersome == null) {
			errors.put("startBack9", "Choose how bothersome your back pain has been.");
		}
		List<Integer> sections = new ArrayList<>();
		for (int section = 1; section <= 10; section++) {
			String given = fields.getFirst("odi" + section);
			Integer answer = number(given, 0, 5);
			if (answer == null && given != null && !given.isBlank()) {
				errors.put("odi" + section, "Choose one of the statements.");
			}
			sections.add(answer);
		}
		if (sections.stream().filter(Objects::isNull).count() > Oswestry.MAX_UNANSWERED
				&& !errors.containsKey("odi1")) {
			errors.put("odi1", "Answer at least 8 of the 10 sections about everyday life.");
		}
		return new FollowUpForm(errors.isEmpty()
				? new FollowUpAnswers(pain, new StartBack.Answers(agree, bothersome), new Oswestry.Answers(sections))
				: null, errors);
	}

	private static Integer number(String given, int min, int max) {
		if (given == null || !given.strip().matches("\\d{1,2}")) {
			return null;
		}
		int value = Integer.parseInt(given.strip());
		return (value < min || value > max) ? null : value;
	}

}
