"""Paper and export files. Building a document's content is a pure function of plain rows;
the services fetch the rows."""
