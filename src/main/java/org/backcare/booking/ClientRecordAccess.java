package org.backcare.booking;

import org.backcare.account.CurrentUser;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.client.Client;
import org.backcare.client.ClientRecordGuard;
import org.backcare.platform.RecordNotFound;

import org.springframework.stereotype.Component;

/**
 * A client's record is read by their care team only, and every read (or refusal) is
 * audited.
 */
@Component
class ClientRecordAccess implements ClientRecordGuard {

	private final Bookings bookings;

	private final RecordAccess access;

	ClientRecordAccess(Bookings bookings, RecordAccess access) {
		this.bookings = bookings;
		this.access = access;
	}

	@Override
	public void mayRead(Client client) {
		this.access.check(CurrentUser.required(), RecordAction.CLIENT_RECORD_READ,
				HealthRecord.client(client.clinicId(), client.id()),
				caller -> this.bookings.inCareTeam(caller, client.id(), client.clinicId()) ? null
						: new RecordNotFound("Client", client.id()));
	}

}
