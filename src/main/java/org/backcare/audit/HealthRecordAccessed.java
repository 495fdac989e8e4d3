package org.backcare.audit;

import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * A health record was read or changed (or someone tried and was refused). {@code subject} is the
 * client whose data it is. The actor is whoever is signed in on the current request.
 */
public record HealthRecordAccessed(String action, String recordType, UUID recordId, ClinicId clinic, ClientId subject,
		boolean refused) {

	public static HealthRecordAccessed of(String action, String recordType, UUID recordId, ClinicId clinic,
			ClientId subject) {
		return new HealthRecordAccessed(action, recordType, recordId, clinic, subject, false);
	}

}
