/**
 * The right therapist: ranks the therapists who may treat a client, with every part of
 * the score explained in words, and shows each therapist's profile with their verified
 * reviews.
 */
@ApplicationModule(displayName = "Matching")
package org.backcare.matching;

import org.springframework.modulith.ApplicationModule;
