package gov.planmonitor.support.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** Who created and last changed a row, and its version (the ETag clients send back in If-Match). */
@MappedSuperclass
public abstract class Audited {

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public void touch(String user, OffsetDateTime now) {
        if (createdAt == null) {
            createdAt = now;
            createdBy = user;
        }
        updatedAt = now;
        updatedBy = user;
    }
}
