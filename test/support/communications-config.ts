/** Channels and one service for the communication tests. */
export const commsChannels = { stakeholders: 'C0STAKEHLD', payments: 'C0PAYSTAKE', executives: 'C0EXECUTIV' } as const;

export const communicationsConfigYaml = `
timezone: Europe/London
channels: { stakeholders: [${commsChannels.stakeholders}], executives: ${commsChannels.executives} }
services:
  - id: payments
    name: Payments API
    description: Card and wallet payments
    stakeholder_channels: [${commsChannels.payments}]
  - id: search
    name: Search
status_page:
  name: Acme status
  templates:
    investigating: "We are looking into problems with {services}. Next update by {next_update}."
digest: { cron: "0 9 * * 1-5", timezone: Europe/London }
`;
