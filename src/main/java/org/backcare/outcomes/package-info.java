/**
 * Outcomes: progress measured. Pain at every session (from the client's feedback and the
 * signed note), and Oswestry and STarT Back answered again in a short follow-up on the
 * clinic's schedule; each measure's change from the baseline judged against its published
 * minimal important change, charted, and put in a progress report (PDF) for the client's
 * doctor; and, for the clinic, the share of clients who improved.
 */
@ApplicationModule(displayName = "Outcomes")
package org.backcare.outcomes;

import org.springframework.modulith.ApplicationModule;
