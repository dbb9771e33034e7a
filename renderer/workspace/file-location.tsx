/** Where the file is, so a person can find it in their file manager or send it to support. */
export function FileLocation({ fileName, location }: { fileName: string; location: string }) {
  return (
    <dl className="definition-list file-location">
      <dt>File</dt>
      <dd className="mono">{fileName}</dd>
      <dt>Folder</dt>
      <dd className="mono">{location}</dd>
    </dl>
  );
}
