namespace CareReady.Core.Compliance;

public enum CertificateStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}
