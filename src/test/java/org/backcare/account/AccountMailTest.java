package org.backcare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;
import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Account mail: a registration confirms its address before the account signs in, and
 * answers alike whether or not the address is known (its owner is told instead); a
 * forgotten password is reset by a link that works once, for 30 minutes, throttled like
 * signing in, and ends every token; invitations are mailed; a changed password ends every
 * session. Links are taken from the mail as the mail server received it.
 */
@IntegrationTest
class AccountMailTest {

	static final String PASSWORD = "a calm walk by the river";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	GreenMail mailServer;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	@BeforeEach
	void aClinic() {
		this.clinic = this.fixture.open();
	}

	@Test
	void aRegistrationSignsInOnlyOnceTheLinkMailedToItsAddressIsFollowed_once() throws Exception {
		String email = address("new");
		registerOnThePage(email, PASSWORD).andExpect(status().isOk())
			.andExpect(content().string(containsString("We sent a message to that address")));
		signIn(email, PASSWORD).andExpect(redirectedUrl("/login?unconfirmed"));

		String mail = text(received(email, "Confirm your address"));
		String link = mail.substring(mail.indexOf("http://localhost:8080/confirm-email?token="));
		String token = ClinicFixture.tokenOf(link.substring(0, link.indexOf('\n')).strip());
		// Opening the link (as mail scanners do) uses nothing up; the button does.
		this.mvc.perform(get("/confirm-email").param("token", token)).andExpect(status().isOk());
		this.mvc.perform(get("/confirm-email").param("token", token))
			.andExpect(content().string(containsString("Confirm my address")));
		this.mvc.perform(post("/confirm-email").with(csrf()).param("token", token))
			.andExpect(redirectedUrl("/login?confirmed"));
		signIn(email, PASSWORD).andExpect(redirectedUrl("/me/appointments"));
		this.mvc.perform(post("/confirm-email").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("unknown, already used or expired")));
		// What is kept of the mail holds no secret: the link is filled in as it is sent.
		assertThat(this.jdbc
			.sql("SELECT body_text FROM mail_message WHERE recipient = ? AND kind = 'ACCOUNT_CONFIRM_EMAIL'")
			.param(email)
			.query(String.class)
			.single()).contains("%LINK%").doesNotContain(token);
	}

	@Test
	void aKnownAddressGetsTheSameAnswer_itsOwnerAMail_andNothingChanges() throws Exception {
		String email = address("known");
		register(email, PASSWORD);
		this.fixture.confirmRegistration(email);
		String first = register(email, "someone else's password here").andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknown = register(address("unknown"), PASSWORD).andReturn().getResponse().getContentAsString();
		assertThat(first).isEqualTo(unknown);
		assertThat(text(received(email, "Your account at"))).contains("You already have an account", "/password-reset");
		token(email, PASSWORD).andExpect(status().isOk());
		token(email, "someone else's password here").andExpect(status().isUnauthorized());
	}

	@Test
	void aLinkSomeoneElseAskedForCannotSetThePasswordOfWhoeverConfirms() throws Exception {
		String email = address("victim");
		register(email, "the attacker's chosen password");
		String attackers = ClinicFixture.tokenOf(this.fixture.linkMailedTo(email, "ACCOUNT_CONFIRM_EMAIL"));
		register(email, PASSWORD);
		this.fixture.confirmRegistration(email);
		token(email, PASSWORD).andExpect(status().isOk());
		token(email, "the attacker's chosen password").andExpect(status().isUnauthorized());
		confirm(attackers).andExpect(status().isUnprocessableContent());
	}

	@Test
	void anOldConfirmationLinkCannotSetThePasswordAfterTheOwnerResetIt() throws Exception {
		String email = address("reset-then-confirm");
		register(email, "the attacker's chosen password");
		String attackers = ClinicFixture.tokenOf(this.fixture.linkMailedTo(email, "ACCOUNT_CONFIRM_EMAIL"));
		requestReset(email).andExpect(status().isAccepted());
		complete(ClinicFixture.tokenOf(this.fixture.linkMailedTo(email, "ACCOUNT_RESET_PASSWORD")), PASSWORD)
			.andExpect(status().isNoContent());
		confirm(attackers).andExpect(status().isUnprocessableContent());
		token(email, PASSWORD).andExpect(status().isOk());
		token(email, "the attacker's chosen password").andExpect(status().isUnauthorized());
	}

	@Test
	void registeringIsThrottledLikeSigningIn() throws Exception {
		String email = address("register-flood");
		for (int i = 0; i < 5; i++) {
			register(email, PASSWORD).andExpect(status().isAccepted());
		}
		register(email, PASSWORD).andExpect(status().isTooManyRequests());
		assertThat(mailCount(email)).isEqualTo(5);
	}

	@Test
	void aResetLinkWorksOnceFor30Minutes_endsEveryToken_andTellsTheOwner() throws Exception {
		String email = address("reset");
		register(email, PASSWORD);
		this.fixture.confirmRegistration(email);
		String bearer = JsonPath.read(token(email, PASSWORD).andReturn().getResponse().getContentAsString(),
				"$.accessToken");
		String known = requestReset(email).andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String nobody = address("nobody");
		assertThat(requestReset(nobody).andReturn().getResponse().getContentAsString()).isEqualTo(known);
		assertThat(mailCount(nobody)).isZero();

		String mail = text(received(email, "A new password"));
		assertThat(mail).contains("/password-reset/new?token=", "It works once");
		String token = ClinicFixture.tokenOf(this.fixture.linkMailedTo(email, "ACCOUNT_RESET_PASSWORD"));
		// A weak password is refused and leaves the link working.
		complete(token, "password1234").andExpect(status().isBadRequest());
		complete(token, "a new walk by the sea").andExpect(status().isNoContent());
		complete(token, "yet another walk somewhere").andExpect(status().isUnprocessableContent());
		token(email, "a new walk by the sea").andExpect(status().isOk());
		token(email, PASSWORD).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + bearer))
			.andExpect(status().isUnauthorized());
		assertThat(text(received(email, "Your password at"))).contains("was just changed");

		// Expired: 30 minutes after it was mailed.
		requestReset(email);
		String late = ClinicFixture.tokenOf(this.fixture.linkMailedTo(email, "ACCOUNT_RESET_PASSWORD"));
		this.jdbc
			.sql("UPDATE account_link SET created_at = created_at - interval '31 minutes', "
					+ "expires_at = expires_at - interval '31 minutes' WHERE used_at IS NULL AND account_id = "
					+ "(SELECT id FROM account WHERE email = ?)")
			.param(email)
			.update();
		complete(late, "a walk that comes too late").andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/password-reset/new").param("token", late))
			.andExpect(content().string(containsString("Ask for a new link")));
	}

	@Test
	void askingForResetLinksIsThrottledLikeSigningIn() throws Exception {
		String email = address("flood");
		for (int i = 0; i < 5; i++) {
			requestReset(email).andExpect(status().isAccepted());
		}
		requestReset(email).andExpect(status().isTooManyRequests());
	}

	@Test
	void anInvitationIsMailed_andItsLinkOpensTheAccountOnThePage() throws Exception {
		String email = address("invited");
		new Api(this.mvc, this.clinic.bearer(this.clinic.admin()))
			.perform(post("/api/v1/admin/invitations").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"" + email + "\", \"role\": \"ADMIN\"}"))
			.andExpect(status().isCreated());
		assertThat(text(received(email, "You are invited"))).contains("as admin", "/invitation?token=");
		String token = ClinicFixture.tokenOf(this.fixture.linkMailedTo(email, "ACCOUNT_INVITATION"));
		this.mvc.perform(get("/invitation").param("token", token))
			.andExpect(content().string(containsString("Open your account")));
		this.mvc.perform(post("/invitation").with(csrf()).param("token", token).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?welcome"));
		signIn(email, PASSWORD).andExpect(redirectedUrl("/calendar"));
	}

	@Test
	void theAdminsInviteOnTheirAccountsPage_andANonsenseAddressInvitesNobody() throws Exception {
		Pages admin = new Pages(this.mvc, this.clinic.admin());
		admin.perform(get("/admin/accounts")).andExpect(content().string(containsString("Send the invitation")));
		String email = address("invited-on-page");
		admin
			.perform(post("/admin/invitations").param("email", email)
				.param("role", "THERAPIST")
				.param("therapist", this.clinic.therapist().toString()))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("done", containsString("Invitation mailed to " + email)));
		assertThat(text(received(email, "You are invited"))).contains("as therapist");
		long invitations = this.jdbc.sql("SELECT count(*) FROM invitation").query(Long.class).single();
		for (String nonsense : new String[] { "", "no address", "a@b\r\nBcc: x@example.org", "x".repeat(400) }) {
			admin.perform(post("/admin/invitations").param("email", nonsense).param("role", "ADMIN"))
				.andExpect(redirectedUrl("/admin/accounts"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
					.attribute("problem", containsString("Give the e-mail address")));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM invitation").query(Long.class).single()).isEqualTo(invitations);
	}

	@Test
	void aChangedPasswordNeedsTheCurrentOne_andEndsEverySession() throws Exception {
		String email = address("change");
		register(email, PASSWORD);
		this.fixture.confirmRegistration(email);
		String bearer = "Bearer "
				+ JsonPath.read(token(email, PASSWORD).andReturn().getResponse().getContentAsString(), "$.accessToken");
		changePassword(bearer, "not my password", "a brand new passphrase")
			.andExpect(status().isUnprocessableContent());
		requestReset(email).andExpect(status().isAccepted());
		String pending = ClinicFixture.tokenOf(this.fixture.linkMailedTo(email, "ACCOUNT_RESET_PASSWORD"));
		changePassword(bearer, PASSWORD, "a brand new passphrase").andExpect(status().isNoContent());
		// A reset link mailed before the change works no more.
		complete(pending, "a sneaky other passphrase").andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isUnauthorized());
		token(email, "a brand new passphrase").andExpect(status().isOk());
		assertThat(text(received(email, "Your password at"))).contains("every device signed in with the old one");

		CurrentUser admin = this.clinic.admin();
		new Pages(this.mvc, admin).perform(get("/account/password"))
			.andExpect(content().string(containsString("Current password")));
	}

	private String address(String what) {
		return what + "-" + UUID.randomUUID() + "@example.org";
	}

	private ResultActions register(String email, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Mia Mail", "email": "%s", "password": "%s", "dateOfBirth": "1990-05-01",
				 "consentToTreatment": true, "consentToDataProcessing": true}""".formatted(email, password)));
	}

	private ResultActions registerOnThePage(String email, String password) throws Exception {
		return this.mvc.perform(post("/register").with(csrf())
			.param("name", "Mia Mail")
			.param("email", email)
			.param("password", password)
			.param("dateOfBirth", "1980-01-01")
			.param("consentToTreatment", "true")
			.param("consentToDataProcessing", "true"));
	}

	private ResultActions signIn(String email, String password) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password));
	}

	private ResultActions token(String email, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"));
	}

	private ResultActions confirm(String token) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/confirm-email").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\": \"" + token + "\"}"));
	}

	private ResultActions requestReset(String email) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\"}"));
	}

	private ResultActions complete(String token, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/password-reset/complete").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\": \"" + token + "\", \"password\": \"" + password + "\"}"));
	}

	private ResultActions changePassword(String bearer, String current, String wanted) throws Exception {
		return this.mvc.perform(put("/api/v1/me/password").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\": \"" + current + "\", \"newPassword\": \"" + wanted + "\"}"));
	}

	private long mailCount(String email) {
		return this.jdbc.sql("SELECT count(*) FROM mail_message WHERE recipient = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	/** The latest message to the address whose subject starts so, once delivered. */
	private MimeMessage received(String email, String subject) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			List<MimeMessage> found = new ArrayList<>();
			for (MimeMessage message : this.mailServer.getReceivedMessages()) {
				if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> to.toString().contains(email)) && message.getSubject().startsWith(subject)) {
					found.add(message);
				}
			}
			if (!found.isEmpty()) {
				return found.get(found.size() - 1);
			}
			assertThat(Instant.now()).as("a mail '" + subject + "' to " + email).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private static String text(MimeMessage message) throws Exception {
		return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
	}

}
