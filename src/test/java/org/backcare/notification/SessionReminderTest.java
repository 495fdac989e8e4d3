package org.backcare.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.jayway.jsonpath.JsonPath;
import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.booking.BookingRequest;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders: planned by a periodic run over the booked sessions whose reminders fall due
 * soon, at the clinic's lead times (48 and 2 hours unless it says otherwise), written by
 * the timed job when due, exactly once however often the job or the planning runs, never
 * for a session cancelled or moved since (the move's new version is planned instead),
 * never for a lead time that fell due less than an hour after the booking, and quoting
 * the cancellation window with a link to "My appointments".
 */
@IntegrationTest
class SessionReminderTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	SchedulerClient scheduler;

	@Autowired
	ReminderMail reminders;

	@Autowired
	ReminderPlanner planner;

	@Autowired
	Clinics clinics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.backcare.booking.Bookings bookings;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	Api frontDesk;

	@BeforeEach
	void aClinicWithAClient() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void aBookedSessionGetsReminders48And2HoursBefore_whichWhenDueAreWrittenOnceQuotingThePolicy() throws Exception {
		OffsetDateTime start = this.clinic.inDays(4, 10, 0);
		String id = book(start);
		assertThat(planned(id)).as("a booking itself plans nothing").isEmpty();
		planUntil(start);
		assertThat(planned(id)).containsExactlyInAnyOrder(id + "/v0/48h", id + "/v0/2h");
		planUntil(start);
		assertThat(planned(id)).as("planned once however often planning runs").hasSize(2);
		assertThat(dueAt(id + "/v0/48h")).isEqualTo(start.toInstant().minus(Duration.ofHours(48)));
		assertThat(dueAt(id + "/v0/2h")).isEqualTo(start.toInstant().minus(Duration.ofHours(2)));

		makeDue(id + "/v0/48h");
		String text = awaitReminder(id);
		assertThat(
				this.jdbc.sql("SELECT subject FROM mail_message WHERE about_id = ?::uuid AND kind = 'SESSION_REMINDER'")
					.param(id)
					.query(String.class)
					.single())
			.startsWith("Reminder: Treatment, 60 minutes on ");
		assertThat(text).contains("a reminder of your session", "10:00 (Europe/Berlin)",
				"cancel or move it online until", "(24 hours before it starts)", "/me/appointments");

		// The job run again (as after a node died before it was marked done): no second
		// mail.
		assertThat(this.reminders.write(PlannedReminder.parse(id + "/v0/48h"))).isFalse();
		assertThat(reminderCount(id)).isOne();
		// Planning again once it has gone: it is not planned a second time.
		planUntil(start);
		assertThat(planned(id)).containsExactly(id + "/v0/2h");
	}

	@Test
	void eachRunPlansWhatFallsDueSoon_andLooksBackToAnHourBeforeTheLastRun() throws Exception {
		OffsetDateTime start = this.clinic.inDays(4, 10, 0);
		String id = book(start);
		Instant due48 = start.toInstant().minus(Duration.ofHours(48));
		// A run's window ends where it says, inclusive; it begins after where it says.
		this.planner.plan(due48.minusSeconds(1), due48.minusMillis(1));
		this.planner.plan(due48, due48.plusSeconds(3600));
		assertThat(planned(id)).isEmpty();
		this.planner.plan(due48.minusMillis(1), due48);
		assertThat(planned(id)).containsExactly(id + "/v0/48h");
		// The periodic run, by the real clock: nothing of this session falls due
		// within an hour of now, or fell due since an hour before a run a day ago.
		this.planner.planAfter(Instant.now().minus(Duration.ofDays(1)));
		assertThat(planned(id)).containsExactly(id + "/v0/48h");
	}

	@Test
	void aReminderFallingDueWithinAnHourOfTheBookingIsNotPlanned() throws Exception {
		OffsetDateTime start = this.clinic.inDays(4, 10, 0);
		String id = book(start);
		Instant due48 = start.toInstant().minus(Duration.ofHours(48));
		booked(id, due48.minus(Duration.ofHours(1)).plusSeconds(1));
		planUntil(start);
		assertThat(planned(id)).as("due 59:59 after the booking").containsExactly(id + "/v0/2h");
		booked(id, due48.minus(Duration.ofHours(1)));
		planUntil(start);
		assertThat(planned(id)).as("due an hour after it").containsExactlyInAnyOrder(id + "/v0/48h", id + "/v0/2h");
	}

	@Test
	void insideTheCancellationWindowTheReminderSaysToCall() throws Exception {
		this.clinics.setPolicies(this.clinic.clinic().id(),
				this.clinics.policies(this.clinic.clinic().id()).withCancellationWindow(Duration.ofDays(5)));
		String id = book(this.clinic.inDays(4, 10, 0));
		assertThat(this.reminders.write(PlannedReminder.parse(id + "/v0/48h"))).isTrue();
		assertThat(reminderText(id)).contains("It is less than 5 days away now", "please call us")
			.doesNotContain("until");
	}

	@Test
	void aCancelledSessionIsNotReminded() throws Exception {
		OffsetDateTime start = this.clinic.inDays(4, 11, 0);
		String id = book(start);
		planUntil(start);
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Client is away\"}"))
			.andExpect(status().isOk());
		makeDue(id + "/v0/48h");
		awaitDone(id + "/v0/48h");
		assertThat(reminderCount(id)).isZero();
		planUntil(start);
		assertThat(planned(id)).as("a cancelled session is not planned").containsExactly(id + "/v0/2h");
	}

	@Test
	void aMovedSessionIsRemindedOfItsNewTimeOnly() throws Exception {
		OffsetDateTime start = this.clinic.inDays(4, 9, 0);
		String id = book(start);
		planUntil(start);
		OffsetDateTime later = this.clinic.inDays(5, 15, 0);
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/reschedule", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + later + "\"}"))
			.andExpect(status().isOk());
		planUntil(later);
		assertThat(planned(id)).containsExactlyInAnyOrder(id + "/v0/48h", id + "/v0/2h", id + "/v1/48h", id + "/v1/2h");
		assertThat(dueAt(id + "/v1/48h")).isEqualTo(later.toInstant().minus(Duration.ofHours(48)));

		makeDue(id + "/v0/48h");
		awaitDone(id + "/v0/48h");
		assertThat(reminderCount(id)).as("the old time's reminder sends nothing").isZero();

		makeDue(id + "/v1/48h");
		assertThat(awaitReminder(id)).contains("15:00 (Europe/Berlin)");
		assertThat(reminderCount(id)).isOne();
	}

	@Test
	void aLeadTimeAlreadyPastAtBookingIsNotPlanned() throws Exception {
		// Four days ahead: a reminder five days before would have been due yesterday.
		this.clinics.setPolicies(this.clinic.clinic().id(), this.clinics.policies(this.clinic.clinic().id())
			.withReminders(List.of(Duration.ofHours(120), Duration.ofHours(2))));
		OffsetDateTime start = this.clinic.inDays(4, 10, 0);
		String id = book(start);
		planUntil(start);
		assertThat(planned(id)).containsExactly(id + "/v0/2h");
	}

	@Test
	void theClinicSaysWhenOrWhetherToRemind() throws Exception {
		this.clinics.setPolicies(this.clinic.clinic().id(),
				this.clinics.policies(this.clinic.clinic().id()).withReminders(List.of(Duration.ofHours(24))));
		String once = book(this.clinic.inDays(4, 9, 0));
		planUntil(this.clinic.inDays(4, 9, 0));
		assertThat(planned(once)).containsExactly(once + "/v0/24h");

		this.clinics.setPolicies(this.clinic.clinic().id(),
				this.clinics.policies(this.clinic.clinic().id()).withReminders(List.of()));
		String never = book(this.clinic.inDays(4, 12, 0));
		planUntil(this.clinic.inDays(4, 12, 0));
		assertThat(planned(never)).isEmpty();
		// A reminder planned before the clinic turned them off does not go.
		assertThat(this.reminders.write(PlannedReminder.parse(once + "/v0/24h"))).isFalse();
	}

	@Test
	void newLeadTimesArePlannedForTheSessionsAlreadyBooked() throws Exception {
		OffsetDateTime start = this.clinic.inDays(4, 10, 0);
		String id = book(start);
		this.clinics.setPolicies(this.clinic.clinic().id(),
				this.clinics.policies(this.clinic.clinic().id()).withReminders(List.of(Duration.ofHours(24))));
		planUntil(start);
		assertThat(planned(id)).containsExactly(id + "/v0/24h");
		// The old lead times are no longer the clinic's: they send nothing.
		assertThat(this.reminders.write(PlannedReminder.parse(id + "/v0/48h"))).isFalse();
	}

	@Test
	void aBookingThatDoesNotCommitPlansNothing() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.bookings.book(new BookingRequest(this.client, this.therapist, "TREATMENT_60",
					this.clinic.inDays(4, 16, 0).toInstant(), null), null, this.clinic.admin());
			status.setRollbackOnly();
		});
		assertThat(this.clinic.appointmentCount()).isZero();
		assertThat(this.scheduler.getScheduledExecutionsForTask(ReminderPlanner.TASK)
			.stream()
			.map(execution -> execution.getTaskInstance().getId())
			.filter(name -> this.jdbc.sql("SELECT count(*) FROM appointment WHERE id = ?::uuid")
				.param(name.substring(0, 36))
				.query(Long.class)
				.single() == 0))
			.as("jobs of sessions that do not exist")
			.isEmpty();
	}

	@Test
	void aReminderIsPlannedOnlyAnHourOrMoreAfterTheBooking() {
		Instant now = Instant.parse("2026-03-02T08:00:00Z");
		assertThat(PlannedReminder.worthPlanning(now.plus(Duration.ofHours(1)), now)).isTrue();
		assertThat(PlannedReminder.worthPlanning(now.plus(Duration.ofMinutes(59)), now)).isFalse();
	}

	@Test
	void aReminderGoesWhileTheSessionIsAsPlanned_andNotWhenANearerOneIsDueToo() {
		Instant start = Instant.parse("2026-03-05T10:00:00Z");
		org.backcare.booking.Appointment session = new org.backcare.booking.Appointment(
				new AppointmentId(UUID.randomUUID()), this.clinic.clinic().id(), this.therapist, this.client,
				"TREATMENT_60", null, start, start.plus(Duration.ofHours(1)), start.plus(Duration.ofMinutes(75)),
				org.backcare.booking.AppointmentStatus.BOOKED, null, null, 2);
		List<Duration> leads = List.of(Duration.ofHours(48), Duration.ofHours(2));
		PlannedReminder early = new PlannedReminder(session.id(), 2, Duration.ofHours(48));
		assertThat(early.wanted(session, leads, start.minus(Duration.ofHours(48)))).isTrue();
		// After a stop, both fell due: only the nearer goes.
		assertThat(early.wanted(session, leads, start.minus(Duration.ofHours(2)))).isFalse();
		assertThat(early.wanted(session, leads, start.minus(Duration.ofHours(2)).minusSeconds(1))).isTrue();
		PlannedReminder late = new PlannedReminder(session.id(), 2, Duration.ofHours(2));
		assertThat(late.wanted(session, leads, start.minusSeconds(1))).isTrue();
		assertThat(late.wanted(session, leads, start)).as("started").isFalse();
		assertThat(new PlannedReminder(session.id(), 1, Duration.ofHours(2)).wanted(session, leads,
				start.minus(Duration.ofHours(2))))
			.as("an older version")
			.isFalse();
		assertThat(late.wanted(session, List.of(Duration.ofHours(48)), start.minus(Duration.ofHours(2))))
			.as("no longer one of the clinic's lead times")
			.isFalse();
	}

	@Test
	void aPlannedReminderIsNamedBySessionVersionAndLeadTime() {
		AppointmentId id = new AppointmentId(UUID.randomUUID());
		PlannedReminder planned = new PlannedReminder(id, 3, Duration.ofHours(168));
		assertThat(planned.name()).isEqualTo(id.value() + "/v3/168h");
		assertThat(PlannedReminder.parse(planned.name())).isEqualTo(planned);
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> PlannedReminder.parse(id.value() + "/v3/48h; DROP TABLE"));
	}

	private String book(OffsetDateTime start) throws Exception {
		return JsonPath.read(this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, start)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	/** A planning run over everything falling due from now until {@code start}. */
	private void planUntil(OffsetDateTime start) {
		this.planner.plan(Instant.now(), start.toInstant());
	}

	/** As if the session had been booked (or last moved) at {@code at}. */
	private void booked(String appointment, Instant at) {
		this.jdbc.sql("UPDATE appointment SET updated_at = ? WHERE id = ?::uuid")
			.params(java.sql.Timestamp.from(at), appointment)
			.update();
		this.jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?")
			.params(ReminderPlanner.TASK, appointment + "/%")
			.update();
	}

	private List<String> planned(String appointment) {
		return this.scheduler.getScheduledExecutionsForTask(ReminderPlanner.TASK)
			.stream()
			.map(execution -> execution.getTaskInstance().getId())
			.filter(name -> name.startsWith(appointment))
			.toList();
	}

	private Instant dueAt(String name) {
		return this.scheduler.getScheduledExecution(TaskInstanceId.of(ReminderPlanner.TASK, name))
			.map(ScheduledExecution::getExecutionTime)
			.orElseThrow();
	}

	private void makeDue(String name) {
		assertThat(this.scheduler.reschedule(TaskInstanceId.of(ReminderPlanner.TASK, name), Instant.now())).isTrue();
	}

	/** Waits until the scheduler has run the job (it is deleted once done). */
	private void awaitDone(String name) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (this.scheduler.getScheduledExecution(TaskInstanceId.of(ReminderPlanner.TASK, name)).isPresent()) {
			assertThat(Instant.now()).as("job " + name + " run").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private String awaitReminder(String appointment) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (reminderCount(appointment) == 0) {
			assertThat(Instant.now()).as("reminder written").isBefore(deadline);
			Thread.sleep(100);
		}
		return reminderText(appointment);
	}

	private String reminderText(String appointment) {
		return this.jdbc
			.sql("SELECT body_text FROM mail_message WHERE about_id = ?::uuid AND kind = 'SESSION_REMINDER'")
			.param(appointment)
			.query(String.class)
			.single();
	}

	private long reminderCount(String appointment) {
		return this.jdbc.sql("SELECT count(*) FROM mail_message WHERE about_id = ?::uuid AND kind = 'SESSION_REMINDER'")
			.param(appointment)
			.query(Long.class)
			.single();
	}

}
