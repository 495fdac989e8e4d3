/**
 * Accounts, roles and sign-in: who may use BackCare, as which client or therapist, by
 * session (pages) or by signed, short-lived bearer token (API). Other modules ask
 * {@link org.backcare.account.CurrentUser} who is calling and decide what that caller may
 * see.
 */
@ApplicationModule(displayName = "Account")
package org.backcare.account;

import org.springframework.modulith.ApplicationModule;
