/**
 * The waitlist: clients (or the front desk for them) ask for a service with a therapist
 * or a technique at times that are not free now; when such time frees up (a cancellation,
 * a move, new hours) the first three waiting clients in order are offered it by mail, the
 * first to accept books it, and an offer not taken up in time goes to the next. Publishes
 * {@link org.backcare.waitlist.WaitlistOffered} and
 * {@link org.backcare.waitlist.WaitlistOfferGone} for the mail.
 */
@ApplicationModule(displayName = "Waitlist")
package org.backcare.waitlist;

import org.springframework.modulith.ApplicationModule;
