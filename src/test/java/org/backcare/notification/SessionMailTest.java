package org.backcare.notification;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.booking.Booking;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.booking.BookingRequest;
import org.backcare.booking.Bookings;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.therapist.TherapistId;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Booking, moving and cancelling a session each mail the client once, through the outbox
 * into the embedded mail server (GreenMail, as in the default run), with an invite their
 * calendar acts on: REQUEST then CANCEL in the body and the MIME type, one UID, a growing
 * SEQUENCE, the clinic as organizer, the client as attendee, the clinic's zone. A change
 * that does not commit mails nothing; a message that can never go is shown to admins as
 * not delivered.
 */
@IntegrationTest
class SessionMailTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	GreenMail mailServer;

	@Autowired
	MailDelivery delivery;

	@Autowired
	Outbox outbox;

	@Autowired
	Clients clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Bookings bookings;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	org.backcare.platform.PendingWrites pending;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	String email;

	Api frontDesk;

	@BeforeEach
	void aClinicWithAClient() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.email = this.clients.get(this.client).email();
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void bookedMovedCancelled_eachOneMailWithAnInviteTheClientsCalendarActsOn() throws Exception {
		OffsetDateTime start = this.clinic.inDays(3, 10, 0);
		String id = JsonPath.read(this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, start)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		MimeMessage booked = mailsTo(this.email, 1).get(0);
		assertThat(booked.getSubject()).startsWith("Booked: Treatment, 60 minutes on ");
		// Written when delivered, and kept so: the mailbox and the client's export show
		// it.
		assertThat(this.jdbc.sql(
				"SELECT subject FROM mail_message WHERE about_id = ?::uuid AND kind = 'SESSION_BOOKED' AND sent_at IS NOT NULL")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(booked.getSubject());
		assertThat(booked.getMessageID()).endsWith("@backcare>");
		assertThat(booked.getFrom()[0].toString()).contains("bookings@backcare.example");
		String text = part(booked, "text/plain");
		assertThat(text).contains("your session is booked", "up to 24 hours before it starts", "/me/appointments",
				start.toLocalDate().getDayOfMonth() + " ", "10:00 (Europe/Berlin)");
		assertThat(part(booked, "text/html")).contains("your session is booked");
		assertThat(contentType(booked, "text/calendar")).contains("method=REQUEST");
		VEvent first = event(booked, "REQUEST");
		String day = start.toLocalDate().toString().replace("-", "");
		assertThat(first.getUid().orElseThrow().getValue()).isEqualTo(id + "@backcare");
		assertThat(first.getSequence().getSequenceNo()).isZero();
		assertThat(first.getProperty("ORGANIZER").orElseThrow().getValue())
			.isEqualTo("mailto:bookings@backcare.example");
		assertThat(first.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:" + this.email);
		assertThat(part(booked, "text/calendar")).contains("BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "Teststraße 1",
				"DTSTART;TZID=Europe/Berlin:" + day + "T100000", "STATUS:CONFIRMED");

		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/reschedule", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + this.clinic.inDays(3, 14, 0) + "\"}"))
			.andExpect(status().isOk());
		MimeMessage moved = mailsTo(this.email, 2).get(1);
		assertThat(moved.getSubject()).startsWith("Moved: ");
		VEvent second = event(moved, "REQUEST");
		assertThat(second.getUid().orElseThrow().getValue()).isEqualTo(id + "@backcare");
		assertThat(second.getSequence().getSequenceNo()).isEqualTo(1);
		assertThat(part(moved, "text/calendar")).contains("DTSTART;TZID=Europe/Berlin:" + day + "T140000");

		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Client is ill\"}"))
			.andExpect(status().isOk());
		MimeMessage cancelled = mailsTo(this.email, 3).get(2);
		assertThat(cancelled.getSubject()).startsWith("Cancelled: ");
		assertThat(contentType(cancelled, "text/calendar")).contains("method=CANCEL");
		VEvent third = event(cancelled, "CANCEL");
		assertThat(third.getUid().orElseThrow().getValue()).isEqualTo(id + "@backcare");
		assertThat(third.getSequence().getSequenceNo()).isEqualTo(2);
		assertThat(part(cancelled, "text/calendar")).contains("STATUS:CANCELLED");

		// Exactly three, whatever else ran meanwhile.
		Thread.sleep(300);
		this.delivery.deliverBatch();
		assertThat(mailsTo(this.email, 3)).hasSize(3);
	}

	@Test
	void aBookingThatDoesNotCommitMailsNothing() throws Exception {
		// Booked (its event published, its mail rendered) and then rolled back.
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.bookings.book(new BookingRequest(this.client, this.therapist, "TREATMENT_60",
					this.clinic.inDays(4, 10, 0).toInstant(), null), null, this.clinic.admin());
			status.setRollbackOnly();
		});
		assertThat(this.clinic.appointmentCount()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_message WHERE client_id = ?")
			.param(this.client.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aNoticeIsIdsUntilDelivered_andOneWhoseSessionIsGoneIsDroppedUnsent() throws Exception {
		UUID gone = UUID.randomUUID();
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.outbox.notice(new Outbox.Notice(this.clinic.clinic().id(), this.client, "SESSION_BOOKED", gone));
			assertThat(count(gone)).as("pending until the transaction's next write or its commit").isZero();
			this.pending.sendNow();
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM mail_message WHERE about_id = ? AND recipient IS NULL AND body_text IS NULL")
				.param(gone)
				.query(Long.class)
				.single()).isOne();
			assertThat(this.outbox.latest(this.clinic.clinic().id(), 5)).anySatisfy(entry -> {
				assertThat(entry.subject()).isEqualTo(Outbox.NOT_YET_WRITTEN);
				assertThat(entry.recipient()).isEqualTo("the client");
			});
		});
		deliverUntil(() -> count(gone) == 0);
	}

	@Test
	void aSessionCancelledBeforeItsBookingMailWentOutGetsOnlyTheCancellation() throws Exception {
		// Booked and cancelled before any delivery ran (as while delivery was stalled).
		String id = new TransactionTemplate(this.transactions).execute(status -> {
			Booking booking = this.bookings.book(new BookingRequest(this.client, this.therapist, "TREATMENT_60",
					this.clinic.inDays(4, 10, 0).toInstant(), null), null, this.clinic.admin());
			this.bookings.cancel(this.clinic.admin(), booking.appointment().id(), "Client changed their mind");
			return booking.appointment().id().value().toString();
		});
		deliverUntil(() -> count(UUID.fromString(id)) == 1
				&& this.jdbc.sql("SELECT count(*) FROM mail_message WHERE about_id = ?::uuid AND sent_at IS NOT NULL")
					.param(id)
					.query(Long.class)
					.single() == 1);
		assertThat(this.jdbc.sql("SELECT kind FROM mail_message WHERE about_id = ?::uuid")
			.param(id)
			.query(String.class)
			.list()).containsExactly("SESSION_CANCELLED");
		assertThat(mailsTo(this.email, 1)).singleElement()
			.satisfies(mail -> assertThat(mail.getSubject()).startsWith("Cancelled: "));
	}

	private long count(UUID about) {
		return this.jdbc.sql("SELECT count(*) FROM mail_message WHERE about_id = ?")
			.param(about)
			.query(Long.class)
			.single();
	}

	@Test
	void aMessageThatCanNeverGoIsGivenUpAtOnceAndShownToAdmins() throws Exception {
		UUID id = this.outbox.enqueue(new Mail(this.clinic.clinic().id(), null, "SESSION_BOOKED", null,
				"no address here", "Booked: a session", "text", "<p>html</p>", null, null));
		deliverUntil(() -> this.jdbc.sql("SELECT failed_at IS NOT NULL FROM mail_message WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single());
		assertThat(attempts(id)).as("a malformed address is not tried eight times").isOne();
		assertThat(this.jdbc.sql("SELECT last_error FROM mail_message WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).contains("AddressException");
		new Pages(this.mvc, this.clinic.admin()).perform(get("/admin/mailbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Not delivered"), containsString("no address here"))));
		// The front desk's own page says so too.
		new Pages(this.mvc, this.clinic.admin()).perform(get("/admin"))
			.andExpect(content().string(allOf(containsString("1 message to clients could not be delivered"),
					containsString("/admin/mailbox"))));
	}

	@Test
	void theAdminsMailboxShowsWhatWasSentWithItsInvite() throws Exception {
		String id = JsonPath.read(this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(5, 9, 0))))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		mailsTo(this.email, 1);
		UUID mail = this.jdbc.sql("SELECT id FROM mail_message WHERE about_id = ?::uuid")
			.param(id)
			.query(UUID.class)
			.single();
		Pages admin = new Pages(this.mvc, this.clinic.admin());
		admin.perform(get("/admin/mailbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(this.email), containsString("Booked: Treatment"),
					containsString(">sent<"), containsString("/admin/mailbox/" + mail + "/invite.ics"))));
		admin.perform(get("/admin/mailbox/{id}/invite.ics", mail))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("METHOD:REQUEST")));
	}

	@Test
	void theClientsExportListsTheirMail_andErasureDeletesIt() throws Exception {
		this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(6, 9, 0))))
			.andExpect(status().isCreated());
		Api self = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.client)));
		self.perform(get("/api/v1/me/data"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.mail[0].kind")
				.value("SESSION_BOOKED"));
		self.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": true}"))
			.andExpect(status().is2xxSuccessful());
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_message WHERE client_id = ? OR recipient = ?")
			.params(this.client.value(), this.email)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * The messages the mail server received for the address, oldest first, once there are
	 * {@code n}.
	 */
	private List<MimeMessage> mailsTo(String address, int n) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			this.delivery.deliverBatch();
			List<MimeMessage> found = new ArrayList<>();
			for (MimeMessage message : this.mailServer.getReceivedMessages()) {
				if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> to.toString().contains(address))) {
					found.add(message);
				}
			}
			if (found.size() >= n || Instant.now().isAfter(deadline)) {
				assertThat(found).as("mails to " + address).hasSizeGreaterThanOrEqualTo(n);
				return found;
			}
			Thread.sleep(100);
		}
	}

	private void deliverUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
			this.delivery.deliverBatch();
			Thread.sleep(50);
		}
		assertThat(done.getAsBoolean()).isTrue();
	}

	private int attempts(UUID id) {
		return this.jdbc.sql("SELECT attempts FROM mail_message WHERE id = ?").param(id).query(Integer.class).single();
	}

	private static Part find(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return part;
		}
		if (part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Part found = find(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String part(MimeMessage message, String type) throws Exception {
		Part part = find(message, type);
		assertThat(part).as(type + " part").isNotNull();
		Object content = part.getContent();
		return (content instanceof String text) ? text
				: new String(((java.io.InputStream) content).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String contentType(MimeMessage message, String type) throws Exception {
		return find(message, type).getContentType();
	}

	/** The invite parsed back with ical4j, checking its METHOD. */
	private static VEvent event(MimeMessage message, String method) throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(part(message, "text/calendar")));
		assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
		return calendar.<VEvent>getComponents("VEVENT").get(0);
	}

}
