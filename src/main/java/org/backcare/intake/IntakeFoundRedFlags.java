package org.backcare.intake;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * A newly submitted intake screened positive for at least one red flag, published in its
 * transaction. It names the client and the intake, never the findings: whoever acts on it
 * reads them through the intake's access check.
 */
public record IntakeFoundRedFlags(ClinicId clinic, ClientId client, IntakeId intake) {
}
