'use strict'
// Looks up a caller by phone number in the CRM and returns what the IVR needs to route them.
const axios = require('axios')
const get = require('lodash/get')

const CRM_TIMEOUT_MS = 2500

function normalisePhone(raw) {
  const digits = String(raw || '').replace(/[^0-9+]/g, '')
  return digits.startsWith('+') ? digits : `+1${digits}`
}

async function findCustomer(client, phone) {
  const response = await client.get('/customers', { params: { phone }, timeout: CRM_TIMEOUT_MS })
  const customer = get(response, 'data.items[0]')
  if (!customer) return null
  return {
    id: customer.id,
    name: `${customer.firstName} ${customer.lastName}`.trim(),
    tier: get(customer, 'loyalty.tier', 'standard'),
    openCases: get(customer, 'cases.open', 0),
    preferredLanguage: get(customer, 'preferences.language', 'en-US')
  }
}

exports.handler = async function handler(event, context) {
  const phone = normalisePhone(get(event, 'contact.ani'))
  const client = axios.create({
    baseURL: get(context, 'config.crmBaseUrl'),
    headers: { Authorization: `Bearer ${get(context, 'secrets.crmToken')}` }
  })
  const customer = await findCustomer(client, phone)
  if (!customer) return { found: false, route: 'general-queue' }
  return {
    found: true,
    customer,
    route:
      customer.tier === 'platinum'
        ? 'priority-queue'
        : customer.openCases > 0
          ? 'case-queue'
          : 'general-queue'
  }
}
