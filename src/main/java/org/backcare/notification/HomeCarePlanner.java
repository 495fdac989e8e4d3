package org.backcare.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.backcare.client.ClientId;
import org.backcare.homecare.HomePainReported;
import org.backcare.homecare.HomeReminders;
import org.backcare.homecare.HomeRemindersChanged;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans home-care mail as timed jobs (db-scheduler), written in the transaction that
 * causes them: an hourly run plans each client's local today and tomorrow once (home care
 * claims each day for one transaction, however many nodes run it), a change of a client's
 * reminders plans theirs at once, and the first severe-pain entry of a client's day plans
 * that day's alert half an hour on, so the entries of that half hour go in one message.
 * {@link HomeCareMail} writes each when its time comes.
 */
@Component
class HomeCarePlanner {

	static final String REMINDER_TASK = "home-care-reminder";

	static final String PAIN_TASK = "home-care-pain-alert";

	/** How long severe-pain entries are gathered before the alert goes. */
	static final Duration GATHER = Duration.ofMinutes(30);

	private final SchedulerClient scheduler;

	private final OneTimeTask<Void> reminders;

	private final OneTimeTask<Void> painAlerts;

	private final HomeReminders homeCare;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/** How long each planning run takes, for operators and the benchmark. */
	private final io.micrometer.core.instrument.Timer planning;

	HomeCarePlanner(SchedulerClient scheduler, OneTimeTask<Void> homeCareReminder, OneTimeTask<Void> homeCarePainAlert,
			HomeReminders homeCare, PlatformTransactionManager transactions, Clock clock,
			io.micrometer.core.instrument.MeterRegistry registry) {
		this.planning = io.micrometer.core.instrument.Timer.builder("backcare.homecare.reminder.planning")
			.description("A run planning every client's home-care reminders of today and tomorrow")
			.register(registry);
		this.scheduler = scheduler;
		this.reminders = homeCareReminder;
		this.painAlerts = homeCarePainAlert;
		this.homeCare = homeCare;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Plans every client's unplanned today and tomorrow; answers how many reminders. */
	int planDays() {
		long started = System.nanoTime();
		try {
			return planDaysNow();
		}
		finally {
			this.planning.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
		}
	}

	private int planDaysNow() {
		Integer planned = this.transactions.execute(status -> {
			List<SchedulableInstance<?>> due = new ArrayList<>();
			for (HomeReminders.Planned reminder : this.homeCare.planDays()) {
				due.add(SchedulableInstance.of(this.reminders.instance(reminder.name()), reminder.at()));
			}
			if (!due.isEmpty()) {
				this.scheduler.scheduleBatch(due);
			}
			return due.size();
		});
		return (planned != null) ? planned : 0;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(HomeRemindersChanged changed) {
		for (HomeReminders.Planned reminder : this.homeCare.planFor(changed.client())) {
			this.scheduler.scheduleIfNotExists(this.reminders.instance(reminder.name()), reminder.at());
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(HomePainReported reported) {
		this.scheduler.scheduleIfNotExists(this.painAlerts.instance(reported.client().value() + "/" + reported.day()),
				this.clock.instant().plus(GATHER));
	}

	/** The timed jobs: the hourly planning run, each reminder, each day's alert. */
	@Configuration(proxyBeanMethods = false)
	static class HomeCareTasks {

		@Bean
		OneTimeTask<Void> homeCareReminder(HomeCareMail mail) {
			return Tasks.oneTime(REMINDER_TASK)
				.execute((instance, context) -> mail.remind(HomeReminders.Planned.parse(instance.getId())));
		}

		@Bean
		OneTimeTask<Void> homeCarePainAlert(HomeCareMail mail) {
			return Tasks.oneTime(PAIN_TASK).execute((instance, context) -> {
				String id = instance.getId();
				int slash = id.indexOf('/');
				mail.alert(new ClientId(java.util.UUID.fromString(id.substring(0, slash))),
						LocalDate.parse(id.substring(slash + 1)));
			});
		}

		@Bean
		RecurringTask<Void> homeCareReminderPlanning(@Lazy HomeCarePlanner planner) {
			return Tasks.recurring("home-care-reminder-planning", FixedDelay.ofHours(1))
				.execute((instance, context) -> planner.planDays());
		}

	}

}
