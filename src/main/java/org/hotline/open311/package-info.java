/**
 * Open311 GeoReport v2 (the Open311 channel): a server under {@code /open311/v2} that existing Open311 clients
 * (FixMyStreet and the apps built for it) use unchanged. Our categories are its services, a request it files is
 * an ordinary work order on channel OPEN311, registered through the same intake as the REST API and dispatched
 * by the AI like any other, and its status is read back from the order's lifecycle without anything internal.
 * Client applications hold API keys an administrator issues, names and revokes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package org.hotline.open311;
