package org.backcare.privacy;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My details": a client changes their name and phone, downloads their data and erases it
 * from a page, as the API lets them; staff have no such page.
 */
@IntegrationTest
class MyDetailsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Clients clients;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	ClientId client;

	CurrentUser me;

	Pages asMe;

	@BeforeEach
	void aSignedInClient() {
		this.clinic = this.fixture.open();
		this.client = this.clinic.client();
		this.me = this.clinic.signedIn(this.client);
		this.asMe = new Pages(this.mvc, this.me);
	}

	@Test
	void aClientChangesTheirNameAndPhone_aBlankNameIsRefusedOnThePage() throws Exception {
		this.asMe.perform(get("/me"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("My details"), containsString(this.me.email()))));
		this.asMe.perform(post("/me/profile").param("name", "  Ada Lovelace ").param("phone", "+44 20 7946 0000"))
			.andExpect(redirectedUrl("/me?saved"));
		assertThat(this.clients.get(this.client).name()).isEqualTo("Ada Lovelace");
		assertThat(this.clients.get(this.client).phone()).isEqualTo("+44 20 7946 0000");
		this.asMe.perform(post("/me/profile").param("name", "   ").param("phone", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please give your name.")));
		this.asMe.perform(post("/me/profile").param("name", "Ada").param("phone", "1".repeat(41)))
			.andExpect(content().string(containsString("at most 40 characters")));
		assertThat(this.clients.get(this.client).name()).isEqualTo("Ada Lovelace");
	}

	@Test
	void aClientDownloadsEverythingHeldAboutThem_audited() throws Exception {
		this.asMe.perform(get("/me/data"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("backcare-my-data.json")))
			.andExpect(jsonPath("$.exportedAt").exists())
			.andExpect(jsonPath("$.client").exists());
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM audit_event WHERE actor_account_id = ? AND action = 'DATA_EXPORTED' AND outcome = 'OK'""")
			.param(this.me.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void erasureNeedsTheTick_thenErasesSignsOutAndSaysSo() throws Exception {
		String name = this.clients.get(this.client).name();
		this.asMe.perform(post("/me/erasure"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tick the box")));
		assertThat(this.clients.get(this.client).erased()).isFalse();
		this.asMe.perform(post("/me/erasure").param("confirm", "yes")).andExpect(redirectedUrl("/login?erased"));
		this.mvc.perform(get("/login").param("erased", ""))
			.andExpect(content().string(containsString("Your data is erased")));
		assertThat(this.clients.get(this.client).erased()).isTrue();
		assertThat(this.clients.get(this.client).name()).isNotEqualTo(name);
	}

	@Test
	void staffHaveNoSuchPage() throws Exception {
		new Pages(this.mvc, this.clinic.admin()).perform(get("/me")).andExpect(status().isForbidden());
		new Pages(this.mvc, this.clinic.admin()).perform(get("/me/data")).andExpect(status().isForbidden());
	}

}
