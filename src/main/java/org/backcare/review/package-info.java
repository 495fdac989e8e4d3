/**
 * Verified reviews: only a client with a completed session can review a therapist, once
 * per pair (editable, every version kept); the therapist can reply; an admin can hide a
 * review with a reason, never delete it. Therapists' scores are Bayesian averages.
 */
@ApplicationModule(displayName = "Review")
package org.backcare.review;

import org.springframework.modulith.ApplicationModule;
