package org.backcare.intake;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.PainRegion;
import org.backcare.assessment.Questions;

import org.springframework.context.MessageSource;
import org.springframework.validation.FieldError;

/**
 * The problems with a submitted intake form, as the GOV.UK error summary shows them: in
 * the order of the questions on the page, each naming its question and linking to it.
 * Which question a problem belongs to comes from the validation path (the same
 * constraints as the API's); what to say comes from the constraint itself and the
 * {@link MessageSource}, never from matching the text of a message, so it reads the same
 * whatever language the browser asks for.
 */
final class IntakeFormErrors {

	/** The form's questions (their field names) in the order the page asks them. */
	static final List<String> QUESTION_ORDER = questionOrder();

	private final Map<String, String> byField = new LinkedHashMap<>();

	private final MessageSource messages;

	private final Locale locale;

	IntakeFormErrors(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * A field the data binder could not read (not a number, not one of the options): its
	 * label and message from the {@link MessageSource} ({@code intake.<field>},
	 * {@code typeMismatch…}).
	 */
	void unreadable(FieldError error) {
		String field = error.getField().startsWith("pain[") ? "pain" : error.getField();
		String label = this.messages.getMessage("intake." + field, null, field, this.locale);
		add(field, label + ": " + this.messages.getMessage(error, this.locale) + ".");
	}

	void violation(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
		String message = (constraint == NotNull.class || constraint == NotBlank.class)
				? this.messages.getMessage("intake.answer-required", null, this.locale) : violation.getMessage();
		add(fieldOf(path), IntakePages.label(path) + ": " + message + ".");
	}

	void missingClient() {
		add("client",
				"Who is this intake for: " + this.messages.getMessage("intake.choose-client", null, this.locale) + ".");
	}

	void refused(String problem) {
		add("", problem);
	}

	boolean isEmpty() {
		return this.byField.isEmpty();
	}

	/** One line per question (the first problem with it), in question order. */
	List<Line> lines() {
		List<Line> lines = new ArrayList<>();
		this.byField.forEach((field, message) -> lines.add(new Line(field, anchor(field), message)));
		lines.sort(Comparator.comparingInt(line -> position(line.field())));
		return lines;
	}

	/** The problem with each question, for the message shown next to it. */
	Map<String, String> byField() {
		return Map.copyOf(this.byField);
	}

	private void add(String field, String message) {
		this.byField.putIfAbsent(field, message);
	}

	private static int position(String field) {
		int position = QUESTION_ORDER.indexOf(field);
		return (position < 0) ? QUESTION_ORDER.size() : position;
	}

	/** The id of the element the summary links to: the question's first input. */
	private static String anchor(String field) {
		return switch (field) {
			case "" -> "main";
			case "pain" -> "pain-" + PainRegion.values()[0].name();
			default -> field;
		};
	}

	/** The form field that a validation path of {@link IntakeAnswers} belongs to. */
	static String fieldOf(String path) {
		if (path.startsWith("startBack.agree[")) {
			return "startBack" + (Integer.parseInt(path.replaceAll("\\D", "")) + 1);
		}
		if (path.startsWith("oswestry.sections[")) {
			return "odi" + (Integer.parseInt(path.replaceAll("\\D", "")) + 1);
		}
		if (path.startsWith("painMap.regions")) {
			return "pain";
		}
		if (path.startsWith("redFlags.") || path.startsWith("contraindications.") || path.startsWith("goals.")
				|| path.startsWith("body.")) {
			return path.substring(path.indexOf('.') + 1);
		}
		return switch (path) {
			case "pain.now" -> "painNow";
			case "pain.average" -> "painAverage";
			case "pain.worst", "pain.worstAtLeastNowAndAverage" -> "painWorst";
			case "startBack.agree" -> "startBack1";
			case "startBack.bothersomeness" -> "startBack9";
			case "oswestry.scorable", "oswestry.sections" -> "odi1";
			default -> path;
		};
	}

	private static List<String> questionOrder() {
		List<String> order = new ArrayList<>(List.of("client", "pain", "radiatingLegPain", "numbnessOrTingling",
				"painNow", "painAverage", "painWorst", "duration", "causes"));
		order.addAll(Questions.RED_FLAGS.keySet());
		order.addAll(Questions.CONTRAINDICATIONS.keySet());
		order.addAll(List.of("heightCm", "weightKg"));
		for (int item = 1; item <= 9; item++) {
			order.add("startBack" + item);
		}
		for (int section = 1; section <= 10; section++) {
			order.add("odi" + section);
		}
		order.addAll(List.of("wantToDoAgain", "pressure", "therapistGender", "language"));
		return List.copyOf(order);
	}

	/**
	 * One line of the summary: the question's field, the id to link to, and what to fix.
	 */
	record Line(String field, String anchor, String message) {
	}

}
