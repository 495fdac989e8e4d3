package org.backcare.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.client.ClientPrivacy;
import org.backcare.platform.Forbidden;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's own data, exported or erased, for the API and the page alike: only the
 * client themselves, each time audited.
 */
@Service
class MyData {

	private final ClientPrivacy privacy;

	private final RecordAccess access;

	private final Clock clock;

	MyData(ClientPrivacy privacy, RecordAccess access, Clock clock) {
		this.privacy = privacy;
		this.access = access;
		this.clock = clock;
	}

	/** Everything BackCare holds about the caller, one member per part. */
	Map<String, Object> export(CurrentUser caller) {
		CurrentUser me = client(caller);
		this.access.check(me, RecordAction.DATA_EXPORTED, HealthRecord.client(me.clinic(), me.client()), own(me));
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", this.clock.instant());
		export.putAll(this.privacy.export(me.client()));
		return export;
	}

	/** What erasing the caller would keep, and why and until when (the caller's own). */
	List<String> keptOnErasure(CurrentUser caller) {
		return this.privacy.keptOnErasure(client(caller).client());
	}

	/**
	 * Erases the caller's personal data. Audited first, in the same transaction: the
	 * entry commits with the erasure, or neither does.
	 */
	@Transactional
	void erase(CurrentUser caller) {
		CurrentUser me = client(caller);
		this.access.check(me, RecordAction.DATA_ERASED, HealthRecord.client(me.clinic(), me.client()), own(me));
		this.privacy.erase(me.client());
	}

	/** A client's own data: only they export or erase it. */
	private static AccessRule own(CurrentUser me) {
		return caller -> caller.isClient(me.client()) ? null : new Forbidden("Only the client can do this.");
	}

	static CurrentUser client(CurrentUser me) {
		if (me.role() != Role.CLIENT) {
			throw new Forbidden("Only clients have personal data to download or erase here.");
		}
		return me;
	}

}
