package org.backcare.account;

import java.util.UUID;

import org.backcare.IntegrationTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registration form is bound to the same {@code Registration} record as
 * {@code POST /api/v1/auth/register}: the same constraints refuse the same input, worded
 * for a person (and the same in a German browser).
 */
@IntegrationTest
class RegistrationPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.backcare.ClinicFixture fixture;

	@Test
	void missingConsentsAndAFutureBirthDateAreSaidPerField_andNothingIsRegistered() throws Exception {
		// Registration joins the clinic this BackCare serves: there must be one.
		this.fixture.open();
		String email = "reg-" + UUID.randomUUID() + "@example.org";
		this.mvc
			.perform(post("/register").with(csrf())
				.header("Accept-Language", "de")
				.param("name", "Rita Register")
				.param("email", email)
				.param("password", "three unrelated garden words")
				.param("dateOfBirth", "2999-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Date of birth: must be a date in the past."),
					containsString("Consent to treatment: please tick it: we can only treat you with your consent."),
					containsString("Consent to keeping your data: please tick it"), containsString(email),
					not(containsString("muss")))));
		this.mvc
			.perform(post("/register").with(csrf())
				.param("name", "Rita Register")
				.param("email", email)
				.param("password", "three unrelated garden words")
				.param("dateOfBirth", "1980-01-01")
				.param("consentToTreatment", "true")
				.param("consentToDataProcessing", "true"))
			// Registered: the address is confirmed by the link mailed to it.
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We sent a message to that address")));
	}

}
