package org.backcare.client;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client module bootstraps with only what it depends on (clinic, and platform's
 * database): no booking, intake or account. Alone, its privacy service knows only its own
 * part, the client's details, and erasure makes them anonymous and final.
 */
@ApplicationModuleTest(extraIncludes = { "platform", "clinic" })
@ActiveProfiles("test")
class ClientModuleTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Clinics clinics;

	@Autowired
	Clients clients;

	@Autowired
	ClientPrivacy privacy;

	@Test
	void bootstrapsWithoutTheModulesAboveIt() {
		assertThat(this.context.getBeanNamesForType(PersonalData.class)).containsExactly("clientDetails");
		assertThat(this.context.containsBean("bookings")).isFalse();
		assertThat(this.context.containsBean("intakes")).isFalse();
	}

	@Test
	void anErasedClientIsAnonymousAndCannotBeGivenAnythingNew() {
		ClinicId clinic = this.clinics
			.open("Module test clinic", "Street 1", ZoneId.of("Europe/Berlin"),
					List.of(ServiceType.standardMenu().get(0)))
			.id();
		ClientId client = this.clients.register(clinic, "Erin Example", "erin-" + System.nanoTime() + "@example.org",
				"", LocalDate.of(1985, 5, 5));
		assertThat(this.privacy.export(client)).containsOnlyKeys("client");

		this.privacy.erase(client);

		Client erased = this.clients.get(client);
		assertThat(erased.erased()).isTrue();
		assertThat(erased.name()).isEqualTo("Erased client");
		assertThatThrownBy(erased::ensureNotErased).isInstanceOf(ClientErased.class);
		assertThat(this.clients.current(clinic)).isEmpty();
	}

}
