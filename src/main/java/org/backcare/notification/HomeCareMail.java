package org.backcare.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentStatus;
import org.backcare.booking.Bookings;
import org.backcare.client.Clients;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.homecare.HomeItem;
import org.backcare.homecare.HomeReminders;
import org.backcare.therapist.TherapistId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Home-care mail: the reminders a client chose, at their own local time, and the alert to
 * the care team when a client logs severe pain during an item.
 *
 * <p>
 * Reminders are timed jobs (db-scheduler) like a session's: an hourly run plans each
 * client's local today and tomorrow once (home care claims each day for one transaction),
 * and a change of the client's reminders plans theirs at once. When a job's time comes,
 * home care says whether it is still wanted (not paused, not in quiet hours, still
 * chosen, something left to do) and whether it is the nudge; the mail's key (client and
 * local time) writes it once, however often or on however many nodes the job runs.
 *
 * <p>
 * The pain alert is gathered: the first severe entry of a client's day plans one job half
 * an hour on, which mails every severe entry of that day so far in one message, once.
 */
@Component
class HomeCareMail {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final HomeReminders homeCare;

	private final Outbox outbox;

	private final Notices notices;

	private final Clinics clinics;

	private final Clients clients;

	private final Bookings bookings;

	private final Accounts accounts;

	private final MailProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	HomeCareMail(HomeReminders homeCare, Outbox outbox, Notices notices, Clinics clinics, Clients clients,
			Bookings bookings, Accounts accounts, MailProperties properties, PlatformTransactionManager transactions,
			Clock clock) {
		this.clients = clients;
		this.homeCare = homeCare;
		this.outbox = outbox;
		this.notices = notices;
		this.clinics = clinics;
		this.bookings = bookings;
		this.accounts = accounts;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Writes the reminder (or nudge) if still wanted; answers whether one was written.
	 */
	boolean remind(HomeReminders.Planned planned) {
		Boolean written = this.transactions.execute(
				status -> this.homeCare.due(planned).filter(due -> WaitlistMail.reachable(due.client())).map(due -> {
					Clinic clinic = this.clinics.get(due.client().clinicId());
					List<String> lines = new ArrayList<>();
					String subject;
					String kind;
					if (due.nudge()) {
						kind = "HOME_CARE_NUDGE";
						subject = "Your home care: pick it up again whenever suits you";
						lines.add("we have not seen an entry in your home-care log for " + due.quietDays()
								+ " days. No worries: even a little helps, and every day is a fresh start.");
						lines.add("Perhaps just one thing today: " + due.items().get(0).title().toLowerCase(Locale.ROOT)
								+ " (" + due.items().get(0).dose() + "). If something is in the way (time, pain, "
								+ "or it is unclear), log it as not done with the reason: your therapist will see it "
								+ "and can adjust your plan.");
					}
					else {
						kind = "HOME_CARE_REMINDER";
						// The subject shows on a locked phone: no item names in it.
						subject = "Your home-care reminder, " + TIME.format(planned.local());
						lines.add("a reminder you asked for, at " + TIME.format(planned.local()) + ":");
						due.items()
							.forEach(item -> lines.add(item.title() + ": " + item.dose() + ". " + item.instruction()));
					}
					lines.add(
							"One tap logs it. To change the times, pause reminders or set quiet hours, see your reminders "
									+ "page.");
					return this.outbox.enqueueOnce(this.notices.of(clinic, due.client().email(), kind, subject, lines,
							this.properties.baseUrl() + "/me/home", "Log it on My home care", due.client().id()),
							"HOME_CARE/" + planned.name());
				}).orElse(false));
		return Boolean.TRUE.equals(written);
	}

	/**
	 * Tells the client's therapists (those of their latest session begun and next booked;
	 * the clinic's admins when there are none) of the day's severe-pain entries, in one
	 * message each, once. Names no client: the link leads into BackCare.
	 */
	int alert(ClientId client, LocalDate day) {
		Integer sent = this.transactions.execute(status -> {
			List<HomeReminders.PainReport> reports = this.homeCare.painReports(client, day);
			if (reports.isEmpty()) {
				return 0;
			}
			Clinic clinic = this.clinics.get(this.clients.get(client).clinicId());
			List<String> lines = new ArrayList<>();
			lines.add("a client logged pain of " + org.backcare.homecare.HomeCare.SEVERE_PAIN
					+ "/10 or more during home care on " + day + ":");
			reports.forEach(report -> lines.add(report.title() + ": " + report.entry().inWords()));
			lines.add("Please check in with them before their next session, and review that item of their home plan.");
			int count = 0;
			for (CurrentUser to : careTeam(client, clinic)) {
				if (this.outbox.enqueueOnce(
						this.notices.of(clinic, to.email(), "HOME_CARE_PAIN_ALERT", "Severe pain during home care",
								lines, this.properties.baseUrl() + "/clients/" + client.value() + "/home-plan",
								"Open the home plan", null),
						"HOME_CARE_PAIN/" + client.value() + "/" + day + "/" + to.id().value())) {
					count++;
				}
			}
			return count;
		});
		return (sent != null) ? sent : 0;
	}

	private List<CurrentUser> careTeam(ClientId client, Clinic clinic) {
		Instant now = this.clock.instant();
		List<Appointment> sessions = this.bookings.ofClient(client);
		Set<TherapistId> therapists = new LinkedHashSet<>();
		sessions.stream()
			.filter(session -> session.start().isBefore(now) && session.status() != AppointmentStatus.CANCELLED)
			.max(java.util.Comparator.comparing(Appointment::start))
			.ifPresent(session -> therapists.add(session.therapistId()));
		sessions.stream()
			.filter(session -> session.isActive() && session.start().isAfter(now))
			.min(java.util.Comparator.comparing(Appointment::start))
			.ifPresent(session -> therapists.add(session.therapistId()));
		List<CurrentUser> team = therapists.stream()
			.map(this.accounts::ofTherapist)
			.flatMap(java.util.Optional::stream)
			.filter(account -> this.accounts.enabled(account.id()))
			.toList();
		return !team.isEmpty() ? team : this.accounts.admins(clinic.id());
	}

}
