package org.backcare.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;
import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;
import org.backcare.therapist.WorkingInterval;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a node keeps in memory (accounts behind tokens, therapists, clients, clinics) is
 * true: a change committed anywhere — another node, a database console — is announced by
 * the database and forgotten here; a transaction sees its own change; a read that raced a
 * change is never kept.
 */
@IntegrationTest
class NoticedRecordsTest {

	/**
	 * Far more than a notice takes (milliseconds); only a broken announcement waits this.
	 */
	static final Duration ANNOUNCED = Duration.ofSeconds(5);

	@Autowired
	ClinicFixture fixture;

	@Autowired
	ChangeNotices notices;

	@Autowired
	Accounts accounts;

	@Autowired
	Therapists therapists;

	@Autowired
	Clients clients;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void anAccountDisabledElsewhereNoLongerSignsInHere() {
		CurrentUser admin = this.fixture.open().admin();
		assertThat(this.accounts.find(admin.id())).isPresent();
		assertThat(this.accounts.find(admin.id())).as("now from memory").isPresent();
		elsewhere("UPDATE account SET enabled = false, token_version = token_version + 1 WHERE id = ?",
				admin.id().value());
		await().atMost(ANNOUNCED).until(() -> this.accounts.find(admin.id()).isEmpty());
	}

	@Test
	void aLicenceEndedElsewhereEndsHere_andTimeOffAddedElsewhereHolds() {
		ClinicFixture.TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		assertThat(this.therapists.get(therapist).licenceValidOn(clinic.today().plusDays(3))).isTrue();
		elsewhere("UPDATE licence SET valid_until = current_date WHERE therapist_id = ?", therapist.value());
		await().atMost(ANNOUNCED)
			.until(() -> !this.therapists.get(therapist).licenceValidOn(clinic.today().plusDays(3)));

		var day = new org.backcare.platform.TimeRange(clinic.inDays(2, 8, 0).toInstant(),
				clinic.inDays(2, 20, 0).toInstant());
		assertThat(this.therapists.timeOff(java.util.List.of(therapist), day).get(therapist)).isEmpty();
		elsewhere("INSERT INTO time_off (clinic_id, therapist_id, id, period, reason) SELECT clinic_id, id, "
				+ "gen_random_uuid(), tstzrange(now(), now() + interval '5 days'), 'ill' "
				+ "FROM therapist WHERE id = ?", therapist.value());
		await().atMost(ANNOUNCED)
			.until(() -> !this.therapists.timeOff(java.util.List.of(therapist), day).get(therapist).isEmpty());
	}

	@Test
	void aClientRenamedElsewhereIsReadAgainHere() {
		ClientId client = this.fixture.open().client();
		this.clients.get(client);
		elsewhere("UPDATE client SET name = 'Renamed elsewhere' WHERE id = ?", client.value());
		await().atMost(ANNOUNCED).until(() -> this.clients.get(client).name().equals("Renamed elsewhere"));
	}

	@Test
	void aTransactionSeesItsOwnChange_andARolledBackOneLeavesNothingBehind() {
		ClinicFixture.TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		int hours = this.therapists.get(therapist).hours().intervals().size();
		this.transaction.executeWithoutResult(status -> {
			this.therapists.setHours(therapist, java.util.List.of(new WorkingInterval(java.time.DayOfWeek.MONDAY,
					java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0))));
			assertThat(this.therapists.get(therapist).hours().intervals()).as("its own change").hasSize(1);
			status.setRollbackOnly();
		});
		assertThat(this.therapists.get(therapist).hours().intervals()).as("nothing of the rolled-back change")
			.hasSize(hours);
	}

	@Test
	void aReadThatRacedAChangeIsReturnedButNotKept() {
		NoticedCache<UUID, String> cache = this.notices.cache("test_changed", UUID::fromString);
		UUID key = UUID.randomUUID();
		AtomicInteger loads = new AtomicInteger();
		// The change is announced while the read is on its way back from the database.
		assertThat(cache.get(key, k -> {
			loads.incrementAndGet();
			cache.forget(k);
			return Optional.of("as read before the change");
		})).contains("as read before the change");
		assertThat(cache.size()).isZero();
		assertThat(cache.get(key, k -> Optional.of("read " + loads.incrementAndGet()))).contains("read 2");
		assertThat(cache.get(key, k -> Optional.of("read " + loads.incrementAndGet()))).as("kept").contains("read 2");
	}

	/**
	 * Committed on a connection of its own: another node, or someone at a database
	 * console.
	 */
	private void elsewhere(String sql, UUID id) {
		try (Connection other = this.dataSource.getConnection();
				PreparedStatement update = other.prepareStatement(sql)) {
			other.setAutoCommit(true);
			update.setObject(1, id);
			update.executeUpdate();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
