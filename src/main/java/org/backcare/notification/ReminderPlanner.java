package org.backcare.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.backcare.booking.Bookings;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans the sessions' reminders as timed jobs (db-scheduler), by a run every ten minutes
 * over the booked sessions whose reminders fall due within the next hour: a booking or a
 * move writes nothing for them (two jobs a booking were a third of its writes). Each run
 * also looks back to an hour before the last run that succeeded, so a reminder whose time
 * came while no node was running is planned (and sent late) when one runs again, and a
 * booking committing while a run reads is found by the next. A reminder is planned only
 * for the session's current version and the clinic's current lead times, and only if it
 * falls due an hour or more after the session was booked or moved (the clinic's own rule:
 * the booking mail has just told the client); one planned or written already is not
 * planned again. The job rechecks all of it when its time comes
 * ({@link PlannedReminder#wanted}), so a session moved or cancelled, or lead times
 * changed, after planning send nothing stale.
 */
@Component
@ConditionalOnProperty(prefix = "backcare.mail", name = "session-notices", havingValue = "true", matchIfMissing = true)
class ReminderPlanner {

	static final String TASK = "session-reminder";

	static final String PLANNING_TASK = "session-reminder-planning";

	/** However long no node ran, a planning run looks back at most this far. */
	static final Duration LONGEST_LOOK_BACK = Duration.ofDays(7);

	private final SchedulerClient scheduler;

	private final OneTimeTask<Void> reminders;

	private final Bookings bookings;

	private final Clinics clinics;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration ahead;

	ReminderPlanner(SchedulerClient scheduler, OneTimeTask<Void> sessionReminder, Bookings bookings, Clinics clinics,
			JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, MailProperties properties) {
		this.scheduler = scheduler;
		this.reminders = sessionReminder;
		this.bookings = bookings;
		this.clinics = clinics;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.ahead = properties.remindersPlannedAhead();
	}

	/**
	 * The periodic run: the reminders falling due from an hour (the look-ahead) before
	 * the last run that succeeded to an hour after now.
	 */
	int planAfter(Instant lastRun) {
		Instant now = this.clock.instant();
		Instant from = ((lastRun != null && lastRun.isBefore(now)) ? lastRun : now).minus(this.ahead);
		Instant earliest = now.minus(LONGEST_LOOK_BACK);
		return plan(from.isBefore(earliest) ? earliest : from, now.plus(this.ahead));
	}

	/**
	 * Plans the reminders falling due after {@code after} and by {@code until} of the
	 * sessions booked now and not yet started; answers how many it planned.
	 */
	int plan(Instant after, Instant until) {
		Instant now = this.clock.instant();
		Map<PlannedReminder, Instant> due = new LinkedHashMap<>();
		leadTimes().forEach((lead, clinics) -> {
			for (Bookings.BookedSession booked : this.bookings.bookedStarting(clinics, after.plus(lead),
					until.plus(lead))) {
				Instant at = booked.session().start().minus(lead);
				if (booked.session().start().isAfter(now)
						&& PlannedReminder.worthPlanning(at, booked.bookedOrMovedAt())) {
					due.put(PlannedReminder.of(booked.session(), lead), at);
				}
			}
		});
		if (due.isEmpty()) {
			return 0;
		}
		Integer planned = this.transactions.execute(status -> {
			Set<String> known = known(due.keySet());
			List<SchedulableInstance<?>> fresh = new ArrayList<>();
			due.forEach((reminder, at) -> {
				if (!known.contains(reminder.name())) {
					fresh.add(SchedulableInstance.of(this.reminders.instance(reminder.name()), at));
				}
			});
			if (!fresh.isEmpty()) {
				this.scheduler.scheduleBatch(fresh);
			}
			return fresh.size();
		});
		return (planned != null) ? planned : 0;
	}

	/** Each lead time any clinic reminds at, with the clinics that do. */
	private Map<Duration, List<ClinicId>> leadTimes() {
		Map<Duration, List<ClinicId>> clinicsByLead = new LinkedHashMap<>();
		for (ClinicId clinic : this.clinics.ids()) {
			for (Duration lead : this.clinics.policies(clinic).reminders()) {
				clinicsByLead.computeIfAbsent(lead, any -> new ArrayList<>()).add(clinic);
			}
		}
		return clinicsByLead;
	}

	/** The names of the reminders among these planned already, or written already. */
	private Set<String> known(Set<PlannedReminder> reminders) {
		String[] names = reminders.stream().map(PlannedReminder::name).toArray(String[]::new);
		String[] keys = reminders.stream().map(ReminderMail::key).toArray(String[]::new);
		return new HashSet<>(this.jdbc.sql("""
				SELECT task_instance FROM scheduled_tasks WHERE task_name = ? AND task_instance = ANY (?)
				UNION ALL
				SELECT substr(dedup_key, ?) FROM mail_message WHERE dedup_key = ANY (?)""")
			.params(TASK, names, ReminderMail.KEY_PREFIX.length() + 1, keys)
			.query(String.class)
			.list());
	}

	/**
	 * The timed jobs: the planning run, on one node at a time, and one execution per
	 * planned reminder, run by whichever node picks it first; a node that dies while
	 * running it leaves it to another (the mail's key keeps that from writing it twice).
	 */
	@Configuration(proxyBeanMethods = false)
	static class ReminderTasks {

		@Bean
		OneTimeTask<Void> sessionReminder(ReminderMail mail) {
			return Tasks.oneTime(TASK)
				.execute((instance, context) -> mail.write(PlannedReminder.parse(instance.getId())));
		}

		@Bean
		RecurringTask<Void> sessionReminderPlanning(@Lazy ReminderPlanner planner, MailProperties properties) {
			return Tasks.recurring(PLANNING_TASK, FixedDelay.of(properties.reminderPlanning()))
				.execute((instance, context) -> planner.planAfter(context.getExecution().lastSuccess));
		}

	}

}
