// Selections every mutation payload and every paged connection repeat, spread by name in the operations (codegen
// inlines them: fragment masking is off, so the payload types keep these fields).
import { graphql } from "../gql";

export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    code
    message
  }
`);

export const PageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);
