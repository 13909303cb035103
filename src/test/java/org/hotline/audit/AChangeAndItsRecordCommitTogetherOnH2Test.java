package org.hotline.audit;

@AuditedInstance
class AChangeAndItsRecordCommitTogetherOnH2Test extends AChangeAndItsRecordCommitTogetherContract {
}
