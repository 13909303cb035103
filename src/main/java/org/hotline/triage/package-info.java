/**
 * Triage at first contact (分流): before an appeal is dispatched, decide whether it is the hotline's to dispatch
 * at all. An emergency is referred at once to 110, 119, 120 or 122; a matter already in litigation, arbitration,
 * administrative reconsideration, petition or discipline-inspection procedure is explained with its proper
 * channel; a harassing, abusive, silent, test or prank call is recorded as invalid; an inquiry the knowledge base
 * answers is answered on the spot; everything else is dispatched. The decision comes from named rules kept as
 * data ({@code triage/rules.yaml}), each with the words that decided it; it is shown to the operator, who decides,
 * and it is recorded with the rules' version. A suggestion alone never closes or drops an appeal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage")
package org.hotline.triage;
