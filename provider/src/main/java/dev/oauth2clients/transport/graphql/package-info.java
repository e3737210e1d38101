/**
 * Transport: the GraphQL endpoint, whose root fields are calls of the service, and graphql-java's
 * errors and scalars in the contract's terms. Uses the service and representation; never the REST
 * resource, which mounts it.
 */
package dev.oauth2clients.transport.graphql;
