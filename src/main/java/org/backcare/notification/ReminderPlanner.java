package org.backcare.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentBooked;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentRescheduled;
import org.backcare.booking.Bookings;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.RemindersChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Plans a session's reminders when it is booked or moved, as timed jobs (db-scheduler)
 * written in the booking's own transaction: they exist exactly when the booking does. A
 * reminder due within an hour of the booking (a session booked at short notice) is not
 * planned; the booking mail has just told the client. Nothing is unplanned on a move or a
 * cancellation: the old reminders find the session changed when their time comes and send
 * nothing, which holds even for a job already running on another node.
 */
@Component
@ConditionalOnProperty(prefix = "backcare.mail", name = "session-notices", havingValue = "true", matchIfMissing = true)
class ReminderPlanner {

	static final String TASK = "session-reminder";

	private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

	private final SchedulerClient scheduler;

	private final OneTimeTask<Void> reminders;

	private final Bookings bookings;

	private final Clinics clinics;

	private final Clock clock;

	ReminderPlanner(SchedulerClient scheduler, OneTimeTask<Void> sessionReminder, Bookings bookings, Clinics clinics,
			Clock clock) {
		this.scheduler = scheduler;
		this.reminders = sessionReminder;
		this.bookings = bookings;
		this.clinics = clinics;
		this.clock = clock;
	}

	/** A new session: version 0, at the start the event names. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentBooked event) {
		planNew(event.appointment(), 0, event.start(), event.clinic());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentRescheduled event) {
		Appointment session = this.bookings.get(event.appointment());
		planNew(session.id(), session.version(), session.start(), session.clinicId());
	}

	/**
	 * The reminders of a session version that has none yet (a new booking, a move: each
	 * raises the version, so their names are new), in one batch.
	 */
	private void planNew(AppointmentId id, int version, Instant start, org.backcare.clinic.ClinicId clinic) {
		Instant now = this.clock.instant();
		List<SchedulableInstance<?>> due = new java.util.ArrayList<>();
		for (Duration before : this.clinics.policies(clinic).reminders()) {
			Instant at = start.minus(before);
			if (PlannedReminder.worthPlanning(at, now)) {
				due.add(SchedulableInstance.of(this.reminders.instance(new PlannedReminder(id, version, before).name()),
						at));
			}
		}
		if (!due.isEmpty()) {
			this.scheduler.scheduleBatch(due);
		}
	}

	/**
	 * New lead times hold for the clinic's booked sessions to come too: each is planned
	 * at the new times (those planned already stay; the old times find themselves no
	 * longer the clinic's and send nothing).
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(RemindersChanged event) {
		this.bookings.upcoming(event.clinic()).forEach(session -> plan(session, event.reminders()));
	}

	private void plan(Appointment session, List<Duration> leads) {
		Instant now = this.clock.instant();
		for (Duration before : leads) {
			Instant due = session.start().minus(before);
			if (PlannedReminder.worthPlanning(due, now)) {
				PlannedReminder planned = PlannedReminder.of(session, before);
				this.scheduler.scheduleIfNotExists(this.reminders.instance(planned.name()), due);
				log.debug("Reminder {} planned for {}", planned.name(), due);
			}
		}
	}

	/**
	 * The timed job: one execution per planned reminder, run by whichever node picks it
	 * first; a node that dies while running it leaves it to another (the mail's key keeps
	 * that from writing it twice).
	 */
	@Configuration(proxyBeanMethods = false)
	static class ReminderTask {

		@Bean
		OneTimeTask<Void> sessionReminder(ReminderMail mail) {
			return Tasks.oneTime(TASK)
				.execute((instance, context) -> mail.write(PlannedReminder.parse(instance.getId())));
		}

	}

}
