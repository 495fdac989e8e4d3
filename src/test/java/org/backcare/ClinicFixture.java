package org.backcare;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.backcare.account.AccountId;
import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.therapist.Gender;
import org.backcare.therapist.Licence;
import org.backcare.therapist.NewTherapist;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;
import org.backcare.therapist.WorkingInterval;

import com.jayway.jsonpath.JsonPath;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Opens a fresh clinic per test, so tests sharing one database never see each other's
 * data.
 */
@TestComponent
public class ClinicFixture {

	public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final Clinics clinics;

	private final Therapists therapists;

	private final Clients clients;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Accounts accounts;

	private final MockMvc mvc;

	ClinicFixture(Clinics clinics, Therapists therapists, Clients clients, JdbcClient jdbc, Clock clock,
			Accounts accounts, MockMvc mvc) {
		this.clinics = clinics;
		this.therapists = therapists;
		this.clients = clients;
		this.jdbc = jdbc;
		this.clock = clock;
		this.accounts = accounts;
		this.mvc = mvc;
	}

	/** The password of every account the fixture opens. */
	public static final String PASSWORD = "fixture password for tests";

	/** A bearer token from the real token endpoint. */
	public String token(String email) {
		try {
			String body = this.mvc
				.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
					.content("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			return JsonPath.read(body, "$.accessToken");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not get a token for " + email, ex);
		}
	}

	/**
	 * The path of the latest link with a secret mailed to the address in a message of the
	 * kind ("ACCOUNT_CONFIRM_EMAIL", "ACCOUNT_RESET_PASSWORD", "ACCOUNT_INVITATION"), as
	 * the mail server received it.
	 */
	public String linkMailedTo(String email, String kind) {
		return this.jdbc.sql("""
				SELECT secret_link FROM mail_message WHERE lower(recipient) = lower(?) AND kind = ?
				ORDER BY created_at DESC LIMIT 1""").params(email, kind).query(String.class).single();
	}

	/** The secret of a mailed link. */
	public static String tokenOf(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	/**
	 * Confirms the address a registration was mailed to, through the API, as its owner
	 * following the link would.
	 */
	public void confirmRegistration(String email) throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/auth/confirm-email")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"token\": \"" + tokenOf(linkMailedTo(email, "ACCOUNT_CONFIRM_EMAIL")) + "\"}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
	}

	/**
	 * A new clinic with the standard services. Unlike a real clinic it does not ask for
	 * an intake before treatment, so tests of booking need not fill one in first; the
	 * tests of that rule turn it on ({@link TestClinic#requireIntakeBeforeTreatment}).
	 */
	public TestClinic open() {
		return open(BERLIN);
	}

	/** A new clinic in the given time zone, as {@link #open()}. */
	public TestClinic open(ZoneId zone) {
		Clinic clinic = this.clinics.open("Test clinic " + UUID.randomUUID(), "Teststraße 1, Berlin", zone,
				ServiceType.standardMenu());
		this.clinics.setPolicies(clinic.id(), this.clinics.policies(clinic.id()).withIntakeBeforeTreatment(false));
		return new TestClinic(clinic);
	}

	public final class TestClinic {

		private final Clinic clinic;

		private CurrentUser admin;

		private int pastSessions;

		TestClinic(Clinic clinic) {
			this.clinic = clinic;
		}

		public Clinic clinic() {
			return this.clinic;
		}

		/** The clinic's rule as a real clinic has it by default. */
		public void requireIntakeBeforeTreatment() {
			ClinicFixture.this.clinics.setPolicies(this.clinic.id(),
					ClinicFixture.this.clinics.policies(this.clinic.id()).withIntakeBeforeTreatment(true));
		}

		/**
		 * A therapist working every day 08:00–20:00, licensed for a year either side of
		 * today.
		 */
		public TherapistId therapist(Technique... techniques) {
			LocalDate today = today();
			return therapist(new Licence("Berlin", "LIC-" + UUID.randomUUID(), today.minusYears(1), today.plusYears(1)),
					techniques);
		}

		public TherapistId therapist(Licence licence, Technique... techniques) {
			List<WorkingInterval> hours = new ArrayList<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				hours.add(new WorkingInterval(day, LocalTime.of(8, 0), LocalTime.of(20, 0)));
			}
			Set<Technique> certified = (techniques.length == 0) ? EnumSet.of(Technique.SWEDISH)
					: EnumSet.copyOf(List.of(techniques));
			return ClinicFixture.this.therapists.register(this.clinic.id(),
					new NewTherapist("Therapist " + UUID.randomUUID().toString().substring(0, 8), "", List.of("en"), 5,
							List.of(licence), certified, hours));
		}

		/**
		 * A therapist as described, licensed for a year either side of today, working
		 * every day 08:00–20:00.
		 */
		public TherapistId therapist(String name, Gender gender, List<String> languages, int years,
				Technique... techniques) {
			LocalDate today = today();
			List<WorkingInterval> hours = new ArrayList<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				hours.add(new WorkingInterval(day, LocalTime.of(8, 0), LocalTime.of(20, 0)));
			}
			return ClinicFixture.this.therapists.register(this.clinic.id(), new NewTherapist(name, "", languages, years,
					List.of(new Licence("Berlin", "LIC-" + UUID.randomUUID(), today.minusYears(1), today.plusYears(1))),
					EnumSet.copyOf(List.of(techniques)), hours, gender, Map.of()));
		}

		/**
		 * A session of the client with the therapist a week or more ago, still BOOKED
		 * (not yet marked completed); each call a day earlier than the last, so they
		 * never overlap.
		 */
		public UUID pastAppointment(TherapistId therapist, ClientId client) {
			UUID id = UUID.randomUUID();
			OffsetDateTime start = today().minusDays(7 + this.pastSessions++)
				.atTime(10, 0)
				.atZone(BERLIN)
				.toOffsetDateTime();
			ClinicFixture.this.jdbc
				.sql("""
						INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
						VALUES (?, ?, ?, ?, 'TREATMENT_60', ?, ?, ?)""")
				.params(this.clinic.id().value(), id, therapist.value(), client.value(), start, start.plusMinutes(60),
						start.plusMinutes(75))
				.update();
			return id;
		}

		/**
		 * A session of the client with the therapist that ended {@code hours} ago (on the
		 * minute; negative: it ends that many hours from now), still BOOKED.
		 */
		public UUID sessionEndedHoursAgo(TherapistId therapist, ClientId client, int hours) {
			UUID id = UUID.randomUUID();
			OffsetDateTime end = OffsetDateTime.now().truncatedTo(ChronoUnit.MINUTES).minusHours(hours);
			ClinicFixture.this.jdbc
				.sql("""
						INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
						VALUES (?, ?, ?, ?, 'TREATMENT_60', ?, ?, ?)""")
				.params(this.clinic.id().value(), id, therapist.value(), client.value(), end.minusMinutes(60), end,
						end.plusMinutes(15))
				.update();
			return id;
		}

		public ClientId client() {
			String unique = UUID.randomUUID().toString();
			return ClinicFixture.this.clients.register(this.clinic.id(), "Client " + unique.substring(0, 8),
					unique + "@example.org", "", LocalDate.of(1980, 1, 1));
		}

		/** The clinic's front desk, signed in. */
		public CurrentUser admin() {
			if (this.admin == null) {
				this.admin = account("admin-" + UUID.randomUUID() + "@example.org", Role.ADMIN, null, null);
			}
			return this.admin;
		}

		public CurrentUser signedIn(ClientId client) {
			return account(ClinicFixture.this.clients.get(client).email(), Role.CLIENT, client, null);
		}

		public CurrentUser signedIn(TherapistId therapist) {
			return account("therapist-" + UUID.randomUUID() + "@example.org", Role.THERAPIST, null, therapist);
		}

		/** An {@code Authorization} header value for the user. */
		public String bearer(CurrentUser user) {
			return "Bearer " + token(user.email());
		}

		private CurrentUser account(String email, Role role, ClientId client, TherapistId therapist) {
			AccountId id = ClinicFixture.this.accounts.open(this.clinic.id(), email, PASSWORD, role, client, therapist);
			return ClinicFixture.this.accounts.find(id).orElseThrow();
		}

		public LocalDate today() {
			return LocalDate.now(ClinicFixture.this.clock.withZone(this.clinic.zone()));
		}

		/**
		 * A wall-clock time a few days ahead: well past the minimum notice, well inside
		 * the horizon.
		 */
		public OffsetDateTime inDays(int days, int hour, int minute) {
			return today().plusDays(days).atTime(hour, minute).atZone(this.clinic.zone()).toOffsetDateTime();
		}

		public long appointmentCount() {
			return ClinicFixture.this.jdbc.sql("SELECT count(*) FROM appointment WHERE clinic_id = ?")
				.param(this.clinic.id().value())
				.query(Long.class)
				.single();
		}

	}

}
