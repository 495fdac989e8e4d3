package org.backcare.audit;

import org.backcare.account.CurrentUser;
import org.backcare.account.RefusalsAudited;
import org.backcare.platform.ProblemException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into a health record: decides whether the caller may, and writes the audit
 * entry — allowed or refused — in the same call. Every module that keeps health data
 * reads and changes it through here, on its API and its pages alike.
 * <p>
 * An allowed access is written in the caller's transaction where there is one, so the
 * entry of a change commits or rolls back with the change: the log never says a booking
 * was made that was not. A refusal is written in a transaction of its own, because the
 * refusal itself rolls the caller's transaction back, and a refused attempt must stay on
 * record. (That costs a second connection for the moment of the write; call {@code check}
 * before a long transaction where the decision does not need its locks.)
 */
@Component
public class RecordAccess {

	private final AuditLog log;

	private final TransactionTemplate separately;

	RecordAccess(AuditLog log, PlatformTransactionManager transactions) {
		this.log = log;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Lets the caller do {@code action} with {@code record} if {@code rule} allows it;
	 * otherwise throws the rule's refusal. Either way the attempt is audited.
	 */
	public void check(CurrentUser caller, RecordAction action, HealthRecord record, AccessRule rule) {
		ProblemException refusal = rule.refusal(caller);
		if (refusal == null) {
			this.log.write(caller, action, record, false);
			return;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			this.separately.executeWithoutResult(status -> this.log.write(caller, action, record, true));
		}
		else {
			this.log.write(caller, action, record, true);
		}
		RefusalsAudited.markAudited();
		throw refusal;
	}

	/**
	 * A change BackCare makes itself, not on anyone's request (seeding the demo clinic, a
	 * cascade of an erasure the client asked for): audited without an actor.
	 */
	public void bySystem(RecordAction action, HealthRecord record) {
		this.log.write(null, action, record, false);
	}

}
