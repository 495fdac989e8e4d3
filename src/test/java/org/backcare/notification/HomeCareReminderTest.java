package org.backcare.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.homecare.HomeCare;
import org.backcare.homecare.HomeReminders;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Home-care mail: each reminder at the client's chosen local time, written once however
 * many runs race for it; never in quiet hours or while paused; the gentler nudge after
 * the clinic's number of days without a log, and not before; severe pain gathered into
 * one alert a day for the therapist.
 */
@IntegrationTest
class HomeCareReminderTest {

	static final ZoneId BERLIN = ClinicFixture.BERLIN;

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	SchedulerClient scheduler;

	@Autowired
	HomeCareMail mail;

	@Autowired
	HomeReminders homeReminders;

	@Autowired
	HomeCare homeCare;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestClinic clinic;

	TherapistId anna;

	ClientId maria;

	CurrentUser mariaSignedIn;

	Api client;

	@BeforeEach
	void aClientWithAHomePlan() {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist(Technique.SWEDISH);
		this.maria = this.clinic.client();
		this.clinic.pastAppointment(this.anna, this.maria);
		this.mariaSignedIn = this.clinic.signedIn(this.maria);
		this.client = new Api(this.mvc, this.clinic.bearer(this.mariaSignedIn));
		this.homeCare.write(this.clinic.signedIn(this.anna), this.maria,
				List.of(new HomeCare.ItemChoice("walk", null, null, 5, 30),
						new HomeCare.ItemChoice("movement-break", null, 6, null, 2)),
				"", null);
	}

	@Test
	void aReminderIsPlannedAtTheChosenLocalTime_andWhenDueWrittenOnce_howeverManyRunsRace() throws Exception {
		LocalDateTime at = LocalDateTime.now(BERLIN).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
		remind("walk", at.toLocalTime(), null);
		String name = this.maria.value() + "/" + at + "/Europe/Berlin";
		assertThat(this.scheduler.getScheduledExecution(TaskInstanceId.of(HomeCarePlanner.REMINDER_TASK, name)))
			.as("planned with the change, at the local time")
			.hasValueSatisfying(
					planned -> assertThat(planned.getExecutionTime()).isEqualTo(at.atZone(BERLIN).toInstant()));
		makeDue(name);
		awaitMail("HOME_CARE_REMINDER", 1);
		assertThat(text("HOME_CARE_REMINDER")).contains("Walk: 5 days a week, 30 minutes", "/me/home");
		// Two more runs at once (a node that died after writing, another that took over).
		HomeReminders.Planned planned = HomeReminders.Planned.parse(name);
		List<Boolean> again = race(() -> this.mail.remind(planned), () -> this.mail.remind(planned));
		assertThat(again).containsOnly(false);
		assertThat(count("HOME_CARE_REMINDER")).isOne();
	}

	@Test
	void eachClientsDayIsPlannedByOneRunOnly_whenTwoNodesPlanAtOnce() throws Exception {
		remind("walk", LocalTime.of(23, 59), null);
		this.jdbc.sql("DELETE FROM home_reminder_day WHERE client_id = ?").param(this.maria.value()).update();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		List<List<HomeReminders.Planned>> runs = race(
				() -> transaction.execute(status -> this.homeReminders.planDays()),
				() -> transaction.execute(status -> this.homeReminders.planDays()));
		long mine = runs.stream().flatMap(List::stream).filter(planned -> planned.client().equals(this.maria)).count();
		long expected = LocalDateTime.now(BERLIN).toLocalTime().isBefore(LocalTime.of(23, 59)) ? 2 : 1;
		assertThat(mine).as("today's (if still to come) and tomorrow's 23:59, once").isEqualTo(expected);
		assertThat(this.jdbc.sql("SELECT count(*) FROM home_reminder_day WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void notInQuietHours_notWhilePaused() throws Exception {
		LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
		remind("walk", LocalTime.of(6, 30), LocalTime.of(22, 0) + "\", \"quietUntil\": \"07:00");
		assertThat(this.scheduler.getScheduledExecution(TaskInstanceId.of(HomeCarePlanner.REMINDER_TASK,
				at(LocalDateTime.of(tomorrow, LocalTime.of(6, 30))).name())))
			.as("in quiet hours: not planned")
			.isEmpty();
		assertThat(this.homeReminders.due(at(LocalDateTime.of(tomorrow, LocalTime.of(6, 30))))).isEmpty();
		remind("walk", LocalTime.of(9, 0), null);
		assertThat(this.homeReminders.due(at(LocalDateTime.of(tomorrow, LocalTime.of(9, 0))))).isPresent();
		this.client.perform(post("/api/v1/me/home-reminders/pause")).andExpect(status().isOk());
		assertThat(this.homeReminders.due(at(LocalDateTime.of(tomorrow, LocalTime.of(9, 0))))).as("paused").isEmpty();
		assertThat(this.mail.remind(at(LocalDateTime.of(tomorrow, LocalTime.of(9, 0))))).isFalse();
		this.client.perform(post("/api/v1/me/home-reminders/resume")).andExpect(status().isOk());
		assertThat(this.homeReminders.due(at(LocalDateTime.of(tomorrow, LocalTime.of(9, 0))))).isPresent();
	}

	@Autowired
	org.backcare.intake.Intakes intakes;

	@Test
	void anItemALaterIntakeRulesOutIsHeldBack_notRemindedOf() throws Exception {
		remind("walk", LocalTime.of(9, 0), null);
		LocalDateTime tomorrowAt9 = LocalDate.now(BERLIN).plusDays(1).atTime(9, 0);
		assertThat(this.homeReminders.due(at(tomorrowAt9))).isPresent();
		this.intakes.submitFromPaper(this.clinic.admin(), this.maria,
				org.backcare.assessment.Examples.officeWorker().yes("suspectedDvt").answers(),
				Instant.now().minusSeconds(60));
		assertThat(this.homeReminders.due(at(tomorrowAt9))).as("a suspected clot: no exercise").isEmpty();
		new Api(this.mvc, this.clinic.bearer(this.mariaSignedIn))
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/clients/{id}/home-plan", this.maria.value()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.heldBack.walk")
				.value(org.hamcrest.Matchers.containsString("no exercise")));
	}

	@Test
	void anItemLoggedThatDayIsNotRemindedOf() throws Exception {
		remind("walk", LocalTime.of(23, 59), null);
		LocalDate today = LocalDate.now(BERLIN);
		this.homeCare.log(this.mariaSignedIn, this.maria,
				new HomeCare.LogRequest("walk", today, true, null, null, null), null);
		assertThat(this.homeReminders.due(at(LocalDateTime.of(today, LocalTime.of(23, 59))))).isEmpty();
	}

	@Test
	void theNudgeComesAfterTheClinicsDaysWithoutALog_notBefore_andAgainAfterAsMany() throws Exception {
		new Api(this.mvc, this.clinic.bearer(this.clinic.admin()))
			.perform(put("/api/v1/admin/home-care").contentType(MediaType.APPLICATION_JSON)
				.content("{\"nudgeAfterDays\": 2}"))
			.andExpect(status().isOk());
		remind("walk", LocalTime.of(8, 0), null);
		LocalDate today = LocalDate.now(BERLIN);
		assertThat(nudge(today.plusDays(1))).as("one day without a log").isFalse();
		assertThat(nudge(today.plusDays(2))).as("two days").isTrue();
		assertThat(nudge(today.plusDays(3))).as("a day after the nudge").isFalse();
		assertThat(nudge(today.plusDays(4))).as("two days after it").isTrue();
		assertThat(this.mail.remind(at(LocalDateTime.of(today.plusDays(6), LocalTime.of(8, 0))))).isTrue();
		assertThat(count("HOME_CARE_NUDGE")).isOne();
		assertThat(text("HOME_CARE_NUDGE")).contains("for 6 days", "even a little helps");
	}

	@Test
	void severePainIsGatheredIntoOneAlertADay_forTheTherapist() throws Exception {
		LocalDate today = this.clinic.today();
		this.homeCare.log(this.mariaSignedIn, this.maria, new HomeCare.LogRequest("walk", today, true, 8, null, null),
				null);
		this.homeCare.log(this.mariaSignedIn, this.maria,
				new HomeCare.LogRequest("movement-break", today, true, 7, null, null), null);
		this.homeCare.log(this.mariaSignedIn, this.maria, new HomeCare.LogRequest("walk", today, true, 6, null, null),
				null);
		String name = this.maria.value() + "/" + today;
		assertThat(this.jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?")
			.params(HomeCarePlanner.PAIN_TASK, this.maria.value() + "/%")
			.query(Integer.class)
			.single()).as("one alert planned for the day").isOne();
		assertThat(this.scheduler.reschedule(TaskInstanceId.of(HomeCarePlanner.PAIN_TASK, name), Instant.now()))
			.isTrue();
		awaitMail("HOME_CARE_PAIN_ALERT", 1);
		List<String> sent = this.jdbc
			.sql("SELECT recipient FROM mail_message WHERE kind = 'HOME_CARE_PAIN_ALERT' AND dedup_key LIKE ?")
			.param("HOME_CARE_PAIN/" + this.maria.value() + "/%")
			.query(String.class)
			.list();
		assertThat(sent).as("to the client's therapist, once").hasSize(1);
		String text = this.jdbc
			.sql("SELECT body_text FROM mail_message WHERE kind = 'HOME_CARE_PAIN_ALERT' AND dedup_key LIKE ? LIMIT 1")
			.param("HOME_CARE_PAIN/" + this.maria.value() + "/%")
			.query(String.class)
			.single();
		assertThat(text).as("the walk's 8 was corrected to 6 that day: the day's latest entry counts")
			.contains("Stand up and move: done, pain 7/10")
			.doesNotContain("Walk:");
		assertThat(this.mail.alert(this.maria, today)).as("once a day").isZero();
	}

	/** A reminder planned for Maria's local time in Berlin. */
	private HomeReminders.Planned at(LocalDateTime local) {
		return new HomeReminders.Planned(this.maria, local, BERLIN, local.atZone(BERLIN).toInstant());
	}

	@Test
	void aClientWhoMovesToAnotherZoneIsNotRemindedAtTheOldZonesTime() throws Exception {
		remind("walk", LocalTime.of(9, 0), null);
		LocalDateTime tomorrowAt9 = LocalDate.now(BERLIN).plusDays(1).atTime(9, 0);
		assertThat(this.homeReminders.due(at(tomorrowAt9))).isPresent();
		this.client.perform(put("/api/v1/me/home-reminders").contentType(MediaType.APPLICATION_JSON)
			.content("{\"zone\": \"America/New_York\", \"reminders\": [{\"item\": \"walk\", \"at\": \"09:00\", "
					+ "\"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]}]}"))
			.andExpect(status().isOk());
		assertThat(this.homeReminders.due(at(tomorrowAt9))).as("the Berlin job sends nothing").isEmpty();
		ZoneId newYork = ZoneId.of("America/New_York");
		LocalDateTime theirs = LocalDate.now(newYork).plusDays(1).atTime(9, 0);
		assertThat(this.scheduler.getScheduledExecution(TaskInstanceId.of(HomeCarePlanner.REMINDER_TASK,
				new HomeReminders.Planned(this.maria, theirs, newYork, null).name())))
			.as("planned at 09:00 in New York")
			.hasValueSatisfying(
					planned -> assertThat(planned.getExecutionTime()).isEqualTo(theirs.atZone(newYork).toInstant()));
	}

	private boolean nudge(LocalDate day) {
		return this.homeReminders.due(at(LocalDateTime.of(day, LocalTime.of(8, 0))))
			.map(HomeReminders.Due::nudge)
			.orElse(false);
	}

	private void remind(String item, LocalTime at, String quietFrom) throws Exception {
		this.client.perform(put("/api/v1/me/home-reminders").contentType(MediaType.APPLICATION_JSON)
			.content("{\"zone\": \"Europe/Berlin\", \"reminders\": [{\"item\": \"" + item + "\", \"at\": \"" + at
					+ "\", \"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]}]"
					+ ((quietFrom != null) ? ", \"quietFrom\": \"" + quietFrom + "\"" : "") + "}"))
			.andExpect(status().isOk());
	}

	private void makeDue(String name) {
		assertThat(this.scheduler.reschedule(TaskInstanceId.of(HomeCarePlanner.REMINDER_TASK, name), Instant.now()))
			.isTrue();
	}

	private void awaitMail(String kind, int count) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (count(kind) < count) {
			assertThat(Instant.now()).as(kind + " written").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private long count(String kind) {
		return this.jdbc.sql(
				"SELECT count(*) FROM mail_message WHERE kind = ? AND client_id = ? OR (kind = ? AND dedup_key LIKE ?)")
			.params(kind, this.maria.value(), kind, "HOME_CARE_PAIN/" + this.maria.value() + "/%")
			.query(Long.class)
			.single();
	}

	private String text(String kind) {
		return this.jdbc.sql("SELECT body_text FROM mail_message WHERE kind = ? AND client_id = ?")
			.params(kind, this.maria.value())
			.query(String.class)
			.single();
	}

	@SafeVarargs
	private static <T> List<T> race(Callable<T>... runs) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(runs.length);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> run : runs) {
				futures.add(pool.submit(run));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
