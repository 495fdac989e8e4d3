package org.backcare.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import javax.sql.DataSource;

import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transaction reads a clinic's policies once and acts on that one set (a booking, its
 * mail and its reminders agree); its own change is seen at once; the next transaction
 * reads afresh, and a change made elsewhere is read again once the database announces it.
 */
@IntegrationTest
class PoliciesReadOncePerTransactionTest {

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Clinics clinics;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DataSource dataSource;

	@Test
	void oneTransactionOneReading_itsOwnChangeSeen_theNextReadsAfresh() {
		ClinicId clinic = this.fixture.open().clinic().id();
		this.transaction.executeWithoutResult(status -> {
			ClinicPolicies first = this.clinics.policies(clinic);
			changeWindowElsewhere(clinic, 120);
			assertThat(this.clinics.policies(clinic)).as("the same set, read once").isEqualTo(first);
			ClinicPolicies mine = first.withCancellationWindow(Duration.ofHours(48));
			this.clinics.setPolicies(clinic, mine);
			assertThat(this.clinics.policies(clinic)).as("its own change").isEqualTo(mine);
		});
		changeWindowElsewhere(clinic, 180);
		// Another node's change reaches this one as the database announces it (V29).
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.clinics.policies(clinic).cancellationWindow())
				.isEqualTo(Duration.ofMinutes(180)));
		this.transaction.executeWithoutResult(status -> assertThat(this.clinics.policies(clinic).cancellationWindow())
			.as("a new transaction reads afresh")
			.isEqualTo(Duration.ofMinutes(180)));
	}

	/** Another connection, committed at once: the front desk on another node. */
	private void changeWindowElsewhere(ClinicId clinic, int minutes) {
		try (Connection other = this.dataSource.getConnection();
				PreparedStatement update = other
					.prepareStatement("UPDATE clinic SET cancellation_window_minutes = ? WHERE id = ?")) {
			other.setAutoCommit(true);
			update.setInt(1, minutes);
			update.setObject(2, clinic.value());
			update.executeUpdate();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
