package org.backcare.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside demo mode the first admin comes from two settings, once, and no other account
 * exists.
 */
@SpringBootTest(properties = { "backcare.demo.enabled=false", "backcare.first-admin.email=owner@clinic.example",
		"backcare.first-admin.password=owner password for the clinic",
		"backcare.first-admin.clinic-name=Northside Backs", "backcare.first-admin.clinic-time-zone=America/New_York" })
@ActiveProfiles("test")
class FirstAdminTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	SignIn signIn;

	@Test
	void theFirstAdminAndTheirClinicAreCreatedAndNothingElse() {
		assertThat(this.jdbc.sql("SELECT email, role FROM account").query().listOfRows()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("email", "owner@clinic.example")
				.containsEntry("role", "ADMIN"));
		assertThat(this.jdbc.sql("SELECT name || ' ' || time_zone FROM clinic").query(String.class).single())
			.isEqualTo("Northside Backs America/New_York");
		assertThat(this.signIn.check("owner@clinic.example", "owner password for the clinic", "127.0.0.1").role())
			.isEqualTo(Role.ADMIN);
	}

}
