/**
 * The next session's plan: a rule table turns the client's notes and feedback into a
 * proposal (areas, technique and pressure, and what to review), each change with the rule
 * that made it and its source; the therapist accepts, edits or rejects it, with a reason,
 * on their day.
 */
@ApplicationModule(displayName = "Next session's plan")
package org.backcare.plan;

import org.springframework.modulith.ApplicationModule;
