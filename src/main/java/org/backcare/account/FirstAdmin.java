package org.backcare.account;

import java.time.ZoneId;

import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode no account exists until someone creates the first admin. Setting
 * {@code BACKCARE_FIRST_ADMIN_EMAIL} and {@code BACKCARE_FIRST_ADMIN_PASSWORD} does that
 * at start-up, once: when the database has no admin yet. A clinic is opened as well if
 * there is none ({@code BACKCARE_FIRST_ADMIN_CLINIC_NAME},
 * {@code BACKCARE_FIRST_ADMIN_CLINIC_TIME_ZONE}).
 */
@Component
@Order(100)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Accounts accounts;

	private final Clinics clinics;

	private final String email;

	private final String password;

	private final String clinicName;

	private final String timeZone;

	FirstAdmin(Accounts accounts, Clinics clinics, @Value("${backcare.first-admin.email:}") String email,
			@Value("${backcare.first-admin.password:}") String password,
			@Value("${backcare.first-admin.clinic-name:My clinic}") String clinicName,
			@Value("${backcare.first-admin.clinic-time-zone:UTC}") String timeZone) {
		this.accounts = accounts;
		this.clinics = clinics;
		this.email = email;
		this.password = password;
		this.clinicName = clinicName;
		this.timeZone = timeZone;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.email.isBlank()) {
			return;
		}
		if (this.accounts.anyWithRole(Role.ADMIN)) {
			if (!this.accounts.exists(this.email)) {
				log.warn("backcare.first-admin.* is set but this database already has an admin, so no account was "
						+ "created; sign in as an existing admin and invite the new one");
			}
			return;
		}
		if (this.password.isBlank()) {
			throw new IllegalStateException(
					"backcare.first-admin.email is set but backcare.first-admin.password is not");
		}
		Clinic clinic = this.clinics.first()
			.orElseGet(
					() -> this.clinics.open(this.clinicName, "", ZoneId.of(this.timeZone), ServiceType.standardMenu()));
		this.accounts.open(clinic.id(), this.email, this.password, Role.ADMIN, null, null);
		log.info("Created the first admin account for clinic '{}'", clinic.name());
	}

}
