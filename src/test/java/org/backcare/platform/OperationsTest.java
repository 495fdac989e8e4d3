package org.backcare.platform;

import java.util.UUID;

import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class OperationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Test
	void livenessAndReadinessIncludingTheDatabaseAreUp() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void prometheusScrapesHttpAndConnectionPoolMetrics() throws Exception {
		this.mvc.perform(get("/api/v1/therapists").param("clinic", UUID.randomUUID().toString()));
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hikaricp_connections")))
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("backcare_appointments_total{change=\"booked\"}")));
	}

	@Test
	void theOpenApiDocumentDescribesTheBookingApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/appointments'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/therapists/{id}/availability'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/appointments/{id}/reschedule'].post").exists());
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

	@Test
	void anUnknownApiPathIsAProblemDocument() throws Exception {
		this.mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		var clinic = this.fixture.open();
		this.mvc.perform(get("/api/v1/nothing-here").header("Authorization", clinic.bearer(clinic.admin())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

}
