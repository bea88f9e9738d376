package cn.ola.applicant;

/** A file as it arrived: the name the sender gave it and its bytes. Its type is told from the bytes. */
public record Upload(String filename, byte[] content) {
}
