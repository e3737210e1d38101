package dev.oauth2clients.grant;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.UserSessionModel;

/** The service-account session a self-service client's grants share, with its client session. */
record SharedSession(UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {}
