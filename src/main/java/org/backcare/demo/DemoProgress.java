package org.backcare.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.Cause;
import org.backcare.assessment.IntakeAnswers.PainRatings;
import org.backcare.assessment.Pressure;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.PainDuration;
import org.backcare.assessment.PainRegion;
import org.backcare.assessment.StartBack;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.clinic.ServiceType;
import org.backcare.intake.Intake;
import org.backcare.intake.Intakes;
import org.backcare.notes.NoteContent;
import org.backcare.notes.SessionNotes;
import org.backcare.notes.TreatedArea;
import org.backcare.notes.TreatmentPressure;
import org.backcare.outcomes.FollowUpAnswers;
import org.backcare.outcomes.Outcomes;
import org.backcare.therapist.Technique;

import org.springframework.stereotype.Component;

/**
 * Maria's ten weeks of care with Anna, so "My progress", the chart and the report have
 * something to show: her intake (from paper) ten weeks ago, weekly sessions each with a
 * signed note of her pain (shared with her), a follow-up at the end of her initial phase
 * and another last week (both from paper), Anna's signed summary, and her home plan
 * ({@link DemoHomeCare}).
 */
@Component
class DemoProgress {

	private final Intakes intakes;

	private final Bookings bookings;

	private final SessionNotes notes;

	private final Outcomes outcomes;

	private final Clock clock;

	private final DemoHomeCare homeCare;

	DemoProgress(Intakes intakes, Bookings bookings, SessionNotes notes, Outcomes outcomes, Clock clock,
			DemoHomeCare homeCare) {
		this.homeCare = homeCare;
		this.intakes = intakes;
		this.bookings = bookings;
		this.notes = notes;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	void seed(ZoneId zone, CurrentUser admin, CurrentUser anna, Client maria) {
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		Intake intake = this.intakes
			.submitFromPaper(admin, maria.id(),
					DemoIntakes.answers(
							Map.of(PainRegion.LOWER_BACK_LEFT, 7, PainRegion.LOWER_BACK_RIGHT, 5, PainRegion.UPPER_BACK,
									3),
							new PainRatings(7, 6, 8), PainDuration.CHRONIC,
							java.util.EnumSet.of(Cause.PROLONGED_SITTING), "Sit through a working day without pain",
							Pressure.MEDIUM, DemoIntakes.agree(1, 2, 4, 5, 7), StartBack.Bothersomeness.VERY_MUCH,
							sections(4, 2, 3, 2, 3, 2, 2, null, 2, 2), java.util.Set.of(), java.util.Set.of()),
					today.minusDays(70).atTime(18, 0).atZone(zone).toInstant());
		int initial = intake.phase().initialSessions();
		int[] pain = { 7, 6, 6, 5, 5, 4, 4, 4, 4 };
		List<LocalDate> days = new ArrayList<>();
		for (int week = 0; week < pain.length; week++) {
			LocalDate day = today.minusDays(63 - 7L * week);
			days.add(day);
			AppointmentId session = this.bookings
				.recordPastSession(maria.id(), anna.therapist(), ServiceType.TREATMENT_60, Technique.SWEDISH,
						day.atTime(11, 0).atZone(zone).toInstant())
				.id();
			this.notes.save(anna, session, new NoteContent("Lower back pain after desk days, " + pain[week] + "/10.",
					pain[week], "Lumbar erectors tight, left more than right.", "Eased with sustained Swedish work.",
					"Same areas next week; movement breaks at work.", 50,
					List.of(new TreatedArea(PainRegion.LOWER_BACK_LEFT, Technique.SWEDISH, TreatmentPressure.FIRM),
							new TreatedArea(PainRegion.LOWER_BACK_RIGHT, Technique.SWEDISH,
									TreatmentPressure.MEDIUM))));
			this.notes.share(anna, this.notes.sign(anna, session).id(), true);
		}
		LocalDate endOfPhase = days.get(Math.min(initial, days.size()) - 1).plusDays(1);
		this.outcomes.answerOnPaper(admin, maria.id(),
				new FollowUpAnswers(4,
						new StartBack.Answers(DemoIntakes.agree(1, 4), StartBack.Bothersomeness.MODERATELY),
						new Oswestry.Answers(sections(2, 1, 2, 1, 2, 1, 1, null, 1, 1))),
				endOfPhase.atTime(19, 0).atZone(zone).toInstant());
		this.outcomes.answerOnPaper(admin, maria.id(),
				new FollowUpAnswers(3, new StartBack.Answers(DemoIntakes.agree(1), StartBack.Bothersomeness.SLIGHTLY),
						new Oswestry.Answers(sections(1, 1, 1, 1, 2, 1, 1, null, 1, 0))),
				today.minusDays(6).atTime(19, 0).atZone(zone).toInstant());
		this.outcomes.sign(anna, maria.id(), today.minusDays(70), today, """
				Maria came with chronic lower back pain from long days at the desk (pain 7/10, Oswestry 49, \
				STarT Back medium risk). Ten weekly sessions of Swedish massage, with movement breaks at work.
				Her pain and everyday limitation have both improved by more than the minimal important change; \
				she now sits through most working days. Plan: sessions every two weeks, then monthly.""");
		this.homeCare.seed(zone, admin, anna, maria);
	}

	private static List<Integer> sections(Integer... answers) {
		return Arrays.asList(answers);
	}

}
