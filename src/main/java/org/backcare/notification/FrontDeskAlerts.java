package org.backcare.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.booking.Appointment;
import org.backcare.booking.Bookings;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.intake.IntakeFoundRedFlags;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.Therapists;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front desk is told, by mail to the clinic's admins, what needs a person before a
 * booked session goes ahead: a new intake that screens positive for a red flag while the
 * client has sessions booked (so someone reviews it before treatment), and a session
 * whose therapist has no valid licence on its day (a licence ended early, a renewal not
 * verified) — then the client is mailed too. The mails name no client and no finding:
 * their links lead into BackCare, where signing in shows the rest. Failed deliveries are
 * listed under "Not delivered" on the admins' mailbox page.
 */
@Component
class FrontDeskAlerts {

	/** How far ahead lapsed licences are looked for: two weeks. */
	static final Duration LOOK_AHEAD = Duration.ofDays(14);

	private final Outbox outbox;

	private final Bookings bookings;

	private final Clinics clinics;

	private final Therapists therapists;

	private final Accounts accounts;

	private final SessionDetailsReader sessions;

	private final Notices notices;

	private final MailProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FrontDeskAlerts(Outbox outbox, Bookings bookings, Clinics clinics, Therapists therapists, Accounts accounts,
			SessionDetailsReader sessions, Notices notices, MailProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.outbox = outbox;
		this.bookings = bookings;
		this.clinics = clinics;
		this.therapists = therapists;
		this.accounts = accounts;
		this.sessions = sessions;
		this.notices = notices;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IntakeFoundRedFlags event) {
		Instant now = this.clock.instant();
		List<Appointment> booked = this.bookings.ofClient(event.client())
			.stream()
			.filter(session -> session.isActive() && session.start().isAfter(now))
			.toList();
		if (booked.isEmpty()) {
			return;
		}
		Clinic clinic = this.clinics.get(event.clinic());
		String first = this.sessions.read(booked.get(0).id())
			.map(details -> details.at(details.session().start()) + " with " + details.therapist())
			.orElse("soon");
		for (CurrentUser admin : admins(event.clinic())) {
			this.outbox.enqueue(notice(clinic, admin.email(), "DESK_RED_FLAG",
					"A red flag in a new questionnaire, with sessions booked",
					List.of("a client's new questionnaire screens positive for a red flag, and they have "
							+ booked.size() + (booked.size() == 1 ? " session" : " sessions") + " booked (the first: "
							+ first + ").",
							"Please review it before the next treatment: refer the client, record a clearance, or "
									+ "move or cancel their sessions."),
					this.properties.baseUrl() + "/clients/" + event.client().value() + "/assessment",
					"Review the questionnaire", null));
		}
	}

	/**
	 * Looks through every clinic's sessions of the next two weeks for a therapist without
	 * a valid licence on the day; tells the client and the admins once per session (per
	 * version: a session moved and still affected is told again).
	 */
	void lapsedLicences() {
		Instant now = this.clock.instant();
		for (ClinicId id : this.clinics.ids()) {
			Clinic clinic = this.clinics.get(id);
			for (Appointment session : this.bookings.upcoming(id)) {
				if (session.start().isAfter(now.plus(LOOK_AHEAD))) {
					break;
				}
				Therapist therapist = this.therapists.get(session.therapistId());
				if (!therapist.licenceValidOn(LocalDate.ofInstant(session.start(), clinic.zone()))) {
					this.transactions.executeWithoutResult(status -> tell(clinic, session, therapist));
				}
			}
		}
	}

	private void tell(Clinic clinic, Appointment session, Therapist therapist) {
		String key = "LICENCE/" + session.id().value() + "/v" + session.version();
		this.sessions.read(session.id()).ifPresent(details -> {
			String when = details.at(session.start());
			this.outbox.enqueueOnce(
					notice(clinic, details
						.client()
						.email(), "SESSION_THERAPIST_UNAVAILABLE",
							"Your session on " + when + " needs another therapist or time",
							List.of("we are sorry: "
									+ therapist.name() + " cannot give your " + details.service() + " on " + when
									+ " as booked.",
									"We will be in touch to offer you another therapist or another time. You can also choose "
											+ "another time yourself, or cancel, under your appointments; if it is too late "
											+ "to do that online, please call us."),
							this.properties.baseUrl() + "/me/appointments", "Your appointments", details.client().id()),
					key);
		});
		for (CurrentUser admin : admins(clinic.id())) {
			this.outbox.enqueueOnce(notice(clinic, admin.email(), "DESK_LICENCE_LAPSED",
					"A booked session without a valid licence",
					List.of("the session on " + clinic.localTime(session.start()).toLocalDate() + " with "
							+ therapist.name() + " falls on a day without a valid licence. The client has been told "
							+ "that you will be in touch.", "Please reassign or move it."),
					this.properties.baseUrl() + "/appointments/" + session.id().value() + "/move",
					"Move or reassign it", null), key + "/" + admin.id().value());
		}
	}

	private List<CurrentUser> admins(ClinicId clinic) {
		return this.accounts.admins(clinic);
	}

	private Mail notice(Clinic clinic, String to, String kind, String subject, List<String> lines, String link,
			String linkText, org.backcare.client.ClientId client) {
		return this.notices.of(clinic, to, kind, subject, lines, link, linkText, client);
	}

	/**
	 * The licence check as a timed job: hourly, on one node at a time; each session is
	 * told once, however often the job runs.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LicenceCheck {

		@Bean
		RecurringTask<Void> lapsedLicenceCheck(FrontDeskAlerts alerts) {
			return Tasks.recurring("lapsed-licence-check", FixedDelay.ofHours(1))
				.execute((instance, context) -> alerts.lapsedLicences());
		}

	}

}
