package org.backcare.notification;

import java.time.Duration;

import org.backcare.clinic.ClinicId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of the clinic's messages were given up lately, for the front desk's page: the
 * clients concerned must be reached another way (the mailbox lists them).
 */
@Component
public class UndeliveredMail {

	/** How far back the front desk's page counts: two weeks. */
	public static final Duration LATELY = Duration.ofDays(14);

	private final JdbcClient jdbc;

	UndeliveredMail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long count(ClinicId clinic) {
		return this.jdbc.sql("""
				SELECT count(*) FROM mail_message
				WHERE clinic_id = ? AND failed_at > now() - make_interval(days => ?)""")
			.params(clinic.value(), (int) LATELY.toDays())
			.query(Long.class)
			.single();
	}

}
